// Matrix products: mm, mv, bmm, dot, matmul (batched, broadcast), outer, trace, diag, addmm,
// addmv, and the cross product (torch.cross / torch.linalg.cross).
// All go through the backend's batched matmul kernel; backward rules are matmuls too:
// d(AB) = (g B^T, A^T g).

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import { isFloating } from "../core/dtype.ts";
import { runtimeError } from "../core/errors.ts";
import { broadcastShapes, expandStrides } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { contiguousClone } from "./copy.ts";
import { commonDevice, sumToShape, typeName } from "./helpers.ts";
import { cat } from "./join.ts";

declare module "../tensor.ts" {
  interface Tensor {
    mm(other: Tensor): Tensor;
    mv(vec: Tensor): Tensor;
    bmm(other: Tensor): Tensor;
    dot(other: Tensor): Tensor;
    matmul(other: Tensor): Tensor;
    outer(other: Tensor): Tensor;
    trace(): Tensor;
    diag(diagonal?: number): Tensor;
    addmm(mat1: Tensor, mat2: Tensor, beta?: number, alpha?: number): Tensor;
    addmv(mat: Tensor, vec: Tensor, beta?: number, alpha?: number): Tensor;
    cross(other: Tensor, dim?: number | null): Tensor;
  }
}

function checkDtypes(a: Tensor, b: Tensor, op: string): void {
  if (a.dtype !== b.dtype) {
    throw runtimeError(
      op === "dot"
        ? `dot : expected both vectors to have same dtype, but found ${typeName(a.dtype)} and ${typeName(b.dtype)}`
        : `expected scalar type ${typeName(a.dtype)} but found ${typeName(b.dtype)}`,
    );
  }
}

/** Raw batched product of [B, M, K] x [B, K, N] views (batch strides may be 0), no autograd. */
function bmmRaw(a: Tensor, b: Tensor, batch: readonly number[]): Tensor {
  const M = a.shape[a.ndim - 2] as number;
  const K = a.shape[a.ndim - 1] as number;
  const N = b.shape[b.ndim - 1] as number;
  const B = batch.reduce((x, y) => x * y, 1);
  const device = commonDevice([a, b]);
  const out = Tensor.empty([...batch, M, N], a.dtype, device);
  const flat = (t: Tensor, rows: number, cols: number) => {
    // Collapse broadcast batch dims into one; a copy is needed only if they don't merge.
    const bs = expandStrides(t.shape.slice(0, -2), t.strides.slice(0, -2), batch);
    let tt = t;
    let bstrides = bs;
    const mergeable = bs.every(
      (s, i) => i === bs.length - 1 || s === (bs[i + 1] as number) * (batch[i + 1] as number),
    );
    if (!mergeable) {
      tt = noGrad(() => t.expand([...batch, rows, cols]).contiguous());
      bstrides = expandStrides(tt.shape.slice(0, -2), tt.strides.slice(0, -2), batch);
    }
    const bstride = bstrides.length === 0 ? 0 : (bstrides[bstrides.length - 1] as number);
    return {
      ...tt.v(),
      shape: [B, rows, cols],
      strides: [bstride, tt.strides[tt.ndim - 2] as number, tt.strides[tt.ndim - 1] as number],
    };
  };
  backendFor(device).matmul(flat(a, M, K), flat(b, K, N), {
    ...out.v(),
    shape: [B, M, N],
    strides: [M * N, N, 1],
  });
  return out;
}

function recordMatmul(name: string, a: Tensor, b: Tensor, out: Tensor): void {
  recordOp(name, [a, b], [out], (node) => {
    const sa = node.save(a);
    const sb = node.save(b);
    return ([g]) => {
      const gg = g as Tensor;
      const A = sa.unpack();
      const Bm = sb.unpack();
      return [node.needs(0) ? gradA(gg, A, Bm) : null, node.needs(1) ? gradB(gg, A, Bm) : null];
    };
  });
}

// For 1-D operands matmul promotes them to matrices; the gradient is reduced back.
function gradA(g: Tensor, a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 1 && b.ndim === 1) return g.mul(b);
  if (a.ndim === 1)
    return sumToShape(g.unsqueeze(-2).matmul(b.transpose(-1, -2)).squeeze(-2), a.shape);
  if (b.ndim === 1) return sumToShape(g.unsqueeze(-1).matmul(b.unsqueeze(0)), a.shape);
  return sumToShape(g.matmul(b.transpose(-1, -2)), a.shape);
}
function gradB(g: Tensor, a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 1 && b.ndim === 1) return g.mul(a);
  if (b.ndim === 1)
    return sumToShape(a.transpose(-1, -2).matmul(g.unsqueeze(-1)).squeeze(-1), b.shape);
  if (a.ndim === 1) return sumToShape(a.unsqueeze(-1).matmul(g.unsqueeze(-2)), b.shape);
  return sumToShape(a.transpose(-1, -2).matmul(g), b.shape);
}

function floatCheck(a: Tensor, op: string): void {
  if (!isFloating(a.dtype) && a.dtype !== "int64" && a.dtype !== "int32") {
    throw runtimeError(`"${op}" not implemented for '${typeName(a.dtype)}'`);
  }
}

const P = Tensor.prototype;

P.mm = function (this: Tensor, other: Tensor) {
  if (this.ndim !== 2) throw runtimeError("self must be a matrix");
  if (other.ndim !== 2) throw runtimeError("mat2 must be a matrix");
  if (this.shape[1] !== other.shape[0]) {
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${this.shape[0]}x${this.shape[1]} and ${other.shape[0]}x${other.shape[1]})`,
    );
  }
  checkDtypes(this, other, "mm");
  floatCheck(this, "addmm_impl_cpu_");
  const out = bmmRaw(this, other, []);
  recordMatmul("MmBackward0", this, other, out);
  return out;
};

P.bmm = function (this: Tensor, other: Tensor) {
  if (this.ndim !== 3) throw runtimeError(`batch1 must be a 3D tensor`);
  if (other.ndim !== 3) throw runtimeError(`batch2 must be a 3D tensor`);
  if (this.shape[0] !== other.shape[0] || this.shape[2] !== other.shape[1]) {
    throw runtimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${this.shape[0]}, ${this.shape[2]}] but got: [${other.shape[0]}, ${other.shape[1]}].`,
    );
  }
  checkDtypes(this, other, "bmm");
  const out = bmmRaw(this, other, [this.shape[0] as number]);
  recordMatmul("BmmBackward0", this, other, out);
  return out;
};

P.mv = function (this: Tensor, vec: Tensor) {
  if (this.ndim !== 2 || vec.ndim !== 1) {
    throw runtimeError(`vector + matrix @ vector expected, got 1, ${this.ndim}, ${vec.ndim}`);
  }
  if (this.shape[1] !== vec.shape[0]) {
    throw runtimeError(
      `size mismatch, got ${this.shape[0]}, ${this.shape[0]}x${this.shape[1]},${vec.shape[0]}`,
    );
  }
  checkDtypes(this, vec, "mv");
  const out = noGrad(() => bmmRaw(this, vec.unsqueeze(1), []).squeeze(1));
  const o = new Tensor(out.storage, out.shape, out.strides, out.offset);
  recordMatmul("MvBackward0", this, vec, o);
  return o;
};

P.dot = function (this: Tensor, other: Tensor) {
  if (this.ndim !== 1 || other.ndim !== 1) {
    throw runtimeError(`1D tensors expected, but got ${this.ndim}D and ${other.ndim}D tensors`);
  }
  if (this.shape[0] !== other.shape[0]) {
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${this.shape[0]}] and src [${other.shape[0]}] to have the same number of elements, but got ${this.shape[0]} and ${other.shape[0]} elements respectively`,
    );
  }
  checkDtypes(this, other, "dot");
  const out = noGrad(() => bmmRaw(this.unsqueeze(0), other.unsqueeze(1), []).reshape([]));
  const o = new Tensor(out.storage, [], [], out.offset);
  recordMatmul("DotBackward0", this, other, o);
  return o;
};

/** torch.matmul: dot, mv, mm, or broadcast batched matmul depending on ranks. */
P.matmul = function (this: Tensor, other: Tensor) {
  const b = other;
  if (this.ndim === 0 || b.ndim === 0) {
    throw runtimeError(
      `both arguments to matmul need to be at least 1D, but they are ${this.ndim}D and ${b.ndim}D`,
    );
  }
  if (this.ndim === 1 && b.ndim === 1) return this.dot(b);
  if (this.ndim === 2 && b.ndim === 1) return this.mv(b);
  if (this.ndim === 1 && b.ndim === 2) {
    const r = noGrad(() => this.unsqueeze(0).mm(b).squeeze(0));
    const o = new Tensor(r.storage, r.shape, r.strides, r.offset);
    recordMatmul("SqueezeBackward3", this, b, o);
    return o;
  }
  if (this.ndim === 2 && b.ndim === 2) return this.mm(b);
  checkDtypes(this, b, "matmul");
  const a2 = this.ndim === 1 ? this.unsqueeze(0) : this;
  const b2 = b.ndim === 1 ? b.unsqueeze(1) : b;
  const K1 = a2.shape[a2.ndim - 1] as number;
  const K2 = b2.shape[b2.ndim - 2] as number;
  if (K1 !== K2) {
    throw runtimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${a2.shape.slice(0, -2).reduce((x, y) => x * y, 1)}, ${K1}] but got: [${b2.shape.slice(0, -2).reduce((x, y) => x * y, 1)}, ${K2}].`,
    );
  }
  const batch = broadcastShapes(a2.shape.slice(0, -2), b2.shape.slice(0, -2));
  let out = noGrad(() => bmmRaw(a2, b2, batch));
  if (this.ndim === 1) out = out.squeeze(-2);
  if (b.ndim === 1) out = out.squeeze(-1);
  const o = new Tensor(out.storage, out.shape, out.strides, out.offset);
  // PyTorch 1.13's matmul folds batches into one mm or bmm and ends with _unsafe_view; a matrix
  // times a batch runs transposed and ends with .contiguous(), hence CloneBackward0.
  recordMatmul(this.ndim === 2 ? "CloneBackward0" : "UnsafeViewBackward0", this, b, o);
  return o;
};

P.outer = function (this: Tensor, other: Tensor) {
  if (this.ndim !== 1 || other.ndim !== 1) throw runtimeError("outer: expected 1D tensors");
  return this.unsqueeze(1).mul(other);
};

P.trace = function (this: Tensor) {
  if (this.ndim !== 2)
    throw runtimeError(`trace: expected a matrix, but got tensor with dim ${this.ndim}`);
  const n = Math.min(this.shape[0] as number, this.shape[1] as number);
  const diag = new Tensor(
    this.storage,
    [n],
    [(this.strides[0] as number) + (this.strides[1] as number)],
    this.offset,
  );
  const out = noGrad(() => diag.sum());
  const inShape = this.shape;
  // PyTorch 1.13's trace_backward fills flat positions 0, C+1, 2(C+1), ... up to R*C, which for
  // a tall matrix (R > C) runs past the diagonal into later rows; we match it, quirk included.
  const C = inShape[1] as number;
  const count = Math.ceil(((inShape[0] as number) * C) / (C + 1));
  recordOp("TraceBackward0", [this], [out], () => ([g]) => {
    const z = noGrad(() => Tensor.empty(inShape, (g as Tensor).dtype).zero_());
    const d = new Tensor(z.storage, [count], [C + 1], 0);
    noGrad(() => d.copy_((g as Tensor).expand([count])));
    return [z];
  });
  return out;
};

/** diag: a vector becomes a diagonal matrix; a matrix gives its (k-th) diagonal as a copy. */
P.diag = function (this: Tensor, diagonal = 0) {
  if (this.ndim === 1) {
    const n = (this.shape[0] as number) + Math.abs(diagonal);
    const z = noGrad(() => Tensor.empty([n, n], this.dtype, this.deviceType).zero_());
    const start = diagonal >= 0 ? diagonal : -diagonal * n;
    const d = new Tensor(z.storage, [this.shape[0] as number], [n + 1], start);
    noGrad(() => d.copy_(this));
    recordOp("DiagBackward0", [this], [z], () => ([g]) => [
      contiguousClone(
        new Tensor((g as Tensor).contiguous().storage, [this.shape[0] as number], [n + 1], start),
      ),
    ]);
    return z;
  }
  if (this.ndim !== 2) throw runtimeError("matrix or a vector expected");
  const [R, C] = this.shape as [number, number];
  const len = diagonal >= 0 ? Math.min(R, C - diagonal) : Math.min(R + diagonal, C);
  // A diagonal past the edge gives a negative length, which 1.13 reports this way.
  if (len < 0) throw runtimeError("numel: integer multiplication overflow");
  const off =
    this.offset +
    (diagonal >= 0
      ? diagonal * (this.strides[1] as number)
      : -diagonal * (this.strides[0] as number));
  const view = new Tensor(
    this.storage,
    [len],
    [(this.strides[0] as number) + (this.strides[1] as number)],
    off,
  );
  const out = noGrad(() => contiguousClone(view));
  recordOp("DiagBackward0", [this], [out], () => ([g]) => {
    const z = noGrad(() => Tensor.empty([R, C], (g as Tensor).dtype).zero_());
    const start = diagonal >= 0 ? diagonal : -diagonal * C;
    noGrad(() => new Tensor(z.storage, [len], [C + 1], start).copy_(g as Tensor));
    return [z];
  });
  return out;
};

/**
 * beta * input + alpha * product, with input broadcast to the product's shape (ignored, NaN
 * included, when beta is 0, as BLAS does): addmm and addmv. One node `name`; input's gradient is
 * beta g summed back to its shape, the factors' are alpha times the product's.
 */
function addProduct(
  name: string,
  input: Tensor,
  a: Tensor,
  b: Tensor,
  product: (a: Tensor, b: Tensor) => Tensor,
  beta: number,
  alpha: number,
): Tensor {
  const out = noGrad(() => {
    const prod = product(a, b);
    const scaled = alpha === 1 ? prod : prod.mul(alpha);
    if (beta === 0) return scaled.contiguous();
    const c = input.expand(prod.shape);
    return (beta === 1 ? c : c.mul(beta)).add(scaled);
  });
  const inShape = input.shape;
  recordOp(name, [input, a, b], [out], (node) => {
    const sa = node.save(a);
    const sb = node.save(b);
    return ([g]) => {
      const gg = g as Tensor;
      const ga = alpha === 1 ? gg : gg.mul(alpha);
      const A = sa.unpack();
      const B = sb.unpack();
      return [
        node.needs(0) ? sumToShape(beta === 1 ? gg : gg.mul(beta), inShape) : null,
        node.needs(1) ? gradA(ga, A, B) : null,
        node.needs(2) ? gradB(ga, A, B) : null,
      ];
    };
  });
  return out;
}

/** `input.addmm(mat1, mat2, beta=1, alpha=1)`: beta input + alpha mat1 @ mat2 (AddmmBackward0). */
P.addmm = function (this: Tensor, mat1: Tensor, mat2: Tensor, beta = 1, alpha = 1) {
  return addProduct("AddmmBackward0", this, mat1, mat2, (a, b) => a.mm(b), beta, alpha);
};

/** `input.addmv(mat, vec, beta=1, alpha=1)`: beta input + alpha mat @ vec (AddmvBackward0). */
P.addmv = function (this: Tensor, mat: Tensor, vec: Tensor, beta = 1, alpha = 1) {
  return addProduct("AddmvBackward0", this, mat, vec, (a, b) => a.mv(b), beta, alpha);
};

/** The cross product of a and b (same shape, size 3 along d), component by component. */
function crossRaw(a: Tensor, b: Tensor, d: number): Tensor {
  const at = (t: Tensor, i: number) => t.narrow(d, i, 1);
  const [a0, a1, a2] = [at(a, 0), at(a, 1), at(a, 2)];
  const [b0, b1, b2] = [at(b, 0), at(b, 1), at(b, 2)];
  return cat(
    [a1.mul(b2).sub(a2.mul(b1)), a2.mul(b0).sub(a0.mul(b2)), a0.mul(b1).sub(a1.mul(b0))],
    d,
  );
}

/**
 * `torch.linalg.cross(input, other, dim=-1)`, and `torch.cross(input, other, dim=None)`, whose
 * dim defaults to the first dim of size 3. Inputs of the same rank broadcast; each gradient is a
 * cross product with g (LinalgCrossBackward0), summed back to the input's shape.
 */
export function linalgCross(input: Tensor, other: Tensor, dim: number | null = -1): Tensor {
  if (input.ndim !== other.ndim) {
    throw runtimeError("linalg.cross: inputs must have the same number of dimensions.");
  }
  let d: number;
  if (dim === null) {
    d = input.shape.findIndex((s, i) => s === 3 && other.shape[i] === 3);
    if (d < 0) throw runtimeError("no dimension of size 3 in input");
  } else {
    d = dim < 0 ? dim + input.ndim : dim;
    if (input.shape[d] !== 3 || other.shape[d] !== 3) {
      throw runtimeError(
        `linalg.cross: inputs dimension ${dim} must have length 3. Got ${input.shape[d]} and ${other.shape[d]}`,
      );
    }
  }
  const shape = broadcastShapes(input.shape, other.shape);
  const out = noGrad(() => crossRaw(input.expand(shape), other.expand(shape), d));
  const [aShape, bShape] = [input.shape, other.shape];
  recordOp("LinalgCrossBackward0", [input, other], [out], (node) => {
    const sa = node.save(input);
    const sb = node.save(other);
    return ([g]) => {
      const gg = g as Tensor;
      const A = sa.unpack().expand(shape);
      const B = sb.unpack().expand(shape);
      return [
        node.needs(0) ? sumToShape(crossRaw(B, gg, d), aShape) : null,
        node.needs(1) ? sumToShape(crossRaw(gg, A, d), bShape) : null,
      ];
    };
  });
  return out;
}

P.cross = function (this: Tensor, other: Tensor, dim: number | null = null) {
  return linalgCross(this, other, dim);
};
