// Tensor methods for elementwise math, generated from the op table's `api` entries: x.add(y),
// x.add_(y) where PyTorch has it, comparisons, logical ops; and the hand-made ones: clamp,
// pow with a scalar exponent, rsub, where, masked_fill.
// The math itself is in elementwise.ts; this file only names it the way PyTorch does.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import {
  canCast,
  type DType,
  isFloating,
  resultType,
  type Scalar,
  scalarValue,
} from "../core/dtype.ts";
import {
  BINARY,
  type BinaryInPlace,
  type BinaryMethod,
  type BinaryOp,
  opApi,
  UNARY,
  type UnaryInPlace,
  type UnaryMethod,
  type UnaryOp,
} from "../core/elementwise-defs.ts";
import { runtimeError } from "../core/errors.ts";
import { broadcastAll } from "../core/shape.ts";
import { fmaF32, fmaF64 } from "../random/float-ops.ts";
import { Tensor } from "../tensor.ts";
import { binary, binaryInPlace, unary, unaryInPlace } from "./elementwise.ts";
import {
  commonDevice,
  elementwiseOut,
  inPlace,
  isTensor,
  operandOf,
  operandView,
  permuteView,
  sumToShape,
  type TensorLike,
  typeName,
} from "./helpers.ts";

/** Binary ops that are Tensor methods (and torch functions), from the op table. */
export const BINARY_METHODS = (Object.keys(BINARY) as BinaryOp[]).filter(
  (k): k is BinaryMethod => opApi(BINARY[k]).method === true,
);
const BINARY_IN_PLACE = new Set<string>(
  BINARY_METHODS.filter((k) => opApi(BINARY[k]).inplace === true),
);
export const UNARY_METHODS = (Object.keys(UNARY) as UnaryOp[]).filter(
  (k): k is UnaryMethod => opApi(UNARY[k]).method === true,
);
const UNARY_IN_PLACE = new Set<string>(
  UNARY_METHODS.filter((k) => opApi(UNARY[k]).inplace === true),
);

type BinaryMethods = { [K in BinaryMethod]: (other: TensorLike) => Tensor } & {
  [K in BinaryInPlace as `${K}_`]: (other: TensorLike) => Tensor;
};
type UnaryMethods = { [K in UnaryMethod]: () => Tensor } & {
  [K in UnaryInPlace as `${K}_`]: () => Tensor;
};

declare module "../tensor.ts" {
  interface Tensor extends BinaryMethods, UnaryMethods {
    clamp(min?: Scalar | null, max?: Scalar | null): Tensor;
    clamp_(min?: Scalar | null, max?: Scalar | null): Tensor;
    where(condition: Tensor, other: TensorLike): Tensor;
    masked_fill(mask: Tensor, value: TensorLike): Tensor;
    masked_fill_(mask: Tensor, value: TensorLike): Tensor;
    rsub(other: TensorLike): Tensor;
    roundDecimals(decimals: number): Tensor;
    lerp(end: Tensor, weight: Tensor | number): Tensor;
  }
}

const proto = Tensor.prototype as unknown as Record<string, unknown>;
for (const name of BINARY_METHODS) {
  proto[name] = function (this: Tensor, other: TensorLike) {
    // x ** scalar is its own kernel (PowBackward0); x ** tensor is PowBackward1.
    if (name === "pow" && !isTensor(other)) return powScalar(this, other, false);
    return binary(name, this, other);
  };
  if (!BINARY_IN_PLACE.has(name)) continue;
  proto[`${name}_`] = function (this: Tensor, other: TensorLike) {
    if (name === "pow" && !isTensor(other)) return powScalar(this, other, true);
    return binaryInPlace(name, this, other);
  };
}

/**
 * x ** scalar (pow.Tensor_Scalar): the exponent takes part in promotion (int64 ** 2.5 is float),
 * integers wrap like C and refuse negative exponents, and bool has no kernel.
 */
function powScalar(self: Tensor, exponent: Scalar, inPlace: boolean): Tensor {
  const dtype = resultType([operandOf(self), operandOf(exponent)]);
  const e = scalarValue(exponent);
  if (dtype === "bool") throw runtimeError(`"pow" not implemented for 'Bool'`);
  // pow_ checks its output dtype before anything else, with this wording.
  if (inPlace && !canCast(dtype, self.dtype)) {
    throw runtimeError(`Found dtype ${typeName(self.dtype)} but expected ${typeName(dtype)}`);
  }
  if (!isFloating(dtype) && e < 0) {
    throw runtimeError("Integers to negative integer powers are not allowed.");
  }
  const name = isFloating(dtype) ? "pow_scalar" : "pow_scalar_int";
  const params = isFloating(dtype) ? [e] : [e, dtype === "int32" ? 32 : 64];
  if (inPlace) return unaryInPlace(name, self, params);
  return unary(name, self.dtype === dtype ? self : self.to(dtype), params);
}
for (const name of UNARY_METHODS) {
  proto[name] = function (this: Tensor) {
    return unary(name, this);
  };
  if (!UNARY_IN_PLACE.has(name)) continue;
  proto[`${name}_`] = function (this: Tensor) {
    return unaryInPlace(name, this);
  };
}

function clampParams(min?: Scalar | null, max?: Scalar | null): number[] {
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  }
  return [
    min === undefined || min === null ? Number.NEGATIVE_INFINITY : scalarValue(min),
    max === undefined || max === null ? Number.POSITIVE_INFINITY : scalarValue(max),
  ];
}

/** clamp's result dtype: the bounds promote like operands (int64.clamp(0.5) is float32). */
function clampDtype(self: Tensor, min?: Scalar | null, max?: Scalar | null): DType {
  const ops = [operandOf(self)];
  for (const b of [min, max]) if (b !== undefined && b !== null) ops.push(operandOf(b));
  return resultType(ops);
}

/** C++ type names, which clamp_'s cast error quotes (from TypeMeta, not ScalarType). */
const CPP_NAMES: Record<DType, string> = {
  float32: "float",
  float64: "double",
  int64: "long int",
  int32: "int",
  bool: "bool",
};

Tensor.prototype.clamp = function (this: Tensor, min?: Scalar | null, max?: Scalar | null) {
  const params = clampParams(min, max);
  const dtype = clampDtype(this, min, max);
  return unary("clamp", this.dtype === dtype ? this : this.to(dtype), params);
};
Tensor.prototype.clamp_ = function (this: Tensor, min?: Scalar | null, max?: Scalar | null) {
  const params = clampParams(min, max);
  const dtype = clampDtype(this, min, max);
  if (!canCast(dtype, this.dtype)) {
    throw runtimeError(
      `result type ${typeName(dtype)} can't be cast to the desired output type ${CPP_NAMES[this.dtype]}`,
    );
  }
  return unaryInPlace("clamp", this, params);
};
Tensor.prototype.rsub = function (this: Tensor, other: TensorLike) {
  // rsub.Tensor is RsubBackward0, with an edge per tensor.
  if (isTensor(other)) return binary("sub", other, this, undefined, "RsubBackward0");
  // rsub.Scalar (1 - x) is RsubBackward1, whose one edge is x's: the number is no input of the
  // node (next_functions lists x only). d(other - x)/dx = -1.
  const y = noGrad(() => binary("sub", other, this));
  const dtype = this.dtype;
  recordOp("RsubBackward1", [this], [y], () => ([g]) => [(g as Tensor).neg().to(dtype)]);
  return y;
};

/**
 * `x.round(decimals=d)` (round.decimals): as PyTorch's CPU kernel, in the dtype, rint(x * 10^d)
 * / 10^d, or rint(x / 10^-d) * 10^-d for d < 0, each step rounded (half to even). Floating
 * dtypes only; its gradient is zero (RoundBackward1).
 */
Tensor.prototype.roundDecimals = function (this: Tensor, decimals: number) {
  if (!isFloating(this.dtype)) {
    const title = { int64: "Long", int32: "Int", bool: "Bool" }[this.dtype as string] ?? this.dtype;
    throw runtimeError(`"round_cpu" not implemented for '${title}'`);
  }
  const p = 10 ** Math.abs(decimals);
  const scale = this.dtype === "float32" ? Math.fround(p) : p;
  const out = noGrad(() =>
    decimals < 0 ? this.div(scale).round().mul(scale) : this.mul(scale).round().div(scale),
  );
  const shape = this.shape;
  recordOp("RoundBackward1", [this], [out], () => ([g]) => [
    Tensor.empty(shape, (g as Tensor).dtype, (g as Tensor).deviceType).zero_(),
  ]);
  return out;
};

/**
 * `start.lerp(end, weight)`: start + weight (end - start), as PyTorch's CPU kernel computes it:
 * with c = weight and b = start where |weight| < 0.5, else c = weight - 1 and b = end, the fused
 * c (end - start) + b (one rounding). The CPU does it on the host with an emulated FMA; another
 * device composes it (within float32 tolerance). LerpBackward0 (number weight) / LerpBackward1.
 */
Tensor.prototype.lerp = function (this: Tensor, end: Tensor, weight: Tensor | number) {
  if (end.dtype !== this.dtype) {
    throw runtimeError(
      `expected dtype ${CPP_NAMES[this.dtype]} for \`end\` but got dtype ${CPP_NAMES[end.dtype]}`,
    );
  }
  const wt = isTensor(weight) ? weight : null;
  const shape = broadcastAll([this.shape, end.shape, wt ? wt.shape : []]);
  const computed = noGrad(() => {
    const s = this.expand(shape);
    const e = end.expand(shape);
    const w = wt ? wt.expand(shape) : null;
    if (this.deviceType === "cpu" && isFloating(this.dtype)) {
      const fma = this.dtype === "float32" ? fmaF32 : fmaF64;
      const r = this.dtype === "float32" ? Math.fround : (v: number) => v;
      const sv = s.contiguous().dataSync();
      const ev = e.contiguous().dataSync();
      const wv = w ? w.contiguous().dataSync() : null;
      const res = new Float64Array(sv.length);
      for (let i = 0; i < res.length; i++) {
        const a = sv[i] as number;
        const b = ev[i] as number;
        const t = wv ? (wv[i] as number) : r(weight as number);
        const small = Math.abs(t) < 0.5;
        res[i] = fma(small ? t : r(t - 1), r(b - a), small ? a : b);
      }
      return Tensor.fromArray(res, shape, this.dtype, "cpu");
    }
    const diff = e.sub(s);
    const small = (w ?? Tensor.fromArray([weight as number], [], this.dtype, this.deviceType))
      .abs()
      .lt(0.5);
    const coeff = w ?? (weight as number);
    return where(
      small,
      s.add(diff.mul(coeff)),
      e.sub(diff.mul(w ? w.neg().add(1) : 1 - (weight as number))),
    );
  });
  // A number weight is lerp.Scalar's argument, not one of its TensorIterator's operands.
  const out = relayout(computed, wt ? [this, end, wt] : [this, end]);
  const [sShape, eShape] = [this.shape, end.shape];
  recordOp(wt ? "LerpBackward1" : "LerpBackward0", [this, end, wt], [out], (node) => {
    const ss = node.save(this);
    const se = node.save(end);
    const sw = wt ? node.save(wt) : null;
    return ([g]) => {
      const gg = g as Tensor;
      const w = sw ? sw.unpack() : (weight as number);
      const one = typeof w === "number" ? 1 - w : w.neg().add(1);
      return [
        node.needs(0) ? sumToShape(gg.mul(one), sShape) : null,
        node.needs(1) ? sumToShape(gg.mul(w), eShape) : null,
        wt && node.needs(2) ? sumToShape(gg.mul(se.unpack().sub(ss.unpack())), wt.shape) : null,
      ];
    };
  });
  return out;
};

/**
 * A result computed row-major, moved into the layout TensorIterator gives an op over `inputs`
 * (a copy only when that layout is not row-major): for ops computed on the host or composed.
 */
function relayout(r: Tensor, inputs: readonly TensorLike[]): Tensor {
  const { y, order } = elementwiseOut(r.shape, r.dtype, r.deviceType, inputs);
  if (order === null) return r;
  backendFor(r.deviceType).copy(r.v(), y.v());
  return y;
}

/** torch.where(condition, x, y) with broadcasting over all three. */
export function where(condition: Tensor, x: TensorLike, y: TensorLike): Tensor {
  if (condition.dtype !== "bool") {
    throw runtimeError(
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${dtypeTitle(condition.dtype)}`,
    );
  }
  const dtype = resultType([operandOf(x), operandOf(y)]);
  const device = commonDevice([condition, x, y]);
  const shape = broadcastAll([
    condition.shape,
    isTensor(x) ? x.shape : [],
    isTensor(y) ? y.shape : [],
  ]);
  const { y: out, order } = elementwiseOut(shape, dtype, device, [condition, x, y]);
  backendFor(device).where(
    permuteView(operandView(condition, "bool", shape, device), order),
    permuteView(operandView(x, dtype, shape, device), order),
    permuteView(operandView(y, dtype, shape, device), order),
    permuteView(out.v(), order),
  );
  const tx = isTensor(x) ? x : null;
  const ty = isTensor(y) ? y : null;
  // d where(c, x, y) = (g where c else 0, 0 where c else g).
  recordOp("WhereBackward0", [tx, ty], [out], (node) => {
    const sc = node.save(condition);
    return ([g]) => {
      const c = sc.unpack();
      const gg = g as Tensor;
      return [
        tx && node.needs(0) ? sumToShape(gg.masked_fill(c.logical_not(), 0), tx.shape) : null,
        ty && node.needs(1) ? sumToShape(gg.masked_fill(c, 0), ty.shape) : null,
      ];
    };
  });
  return out;
}

const dtypeTitle = (d: string): string =>
  ({ float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" })[d] ?? d;

Tensor.prototype.where = function (this: Tensor, condition: Tensor, other: TensorLike) {
  return where(condition, this, other);
};

/**
 * The mask as bool. PyTorch 1.13 still takes a non-bool mask (deprecated): an integer mask must
 * hold only 0 and 1, a float mask reads as nonzero.
 */
function boolMask(mask: Tensor): Tensor {
  if (mask.dtype === "bool") return mask;
  if (!isFloating(mask.dtype) && mask.ne(0).logical_and(mask.ne(1)).any().item()) {
    throw runtimeError("Mask tensor can take 0 and 1 values only");
  }
  return mask.ne(0);
}

/** masked_fill(mask, value): value where mask is true; the mask broadcasts to self. */
function maskedFill(self: Tensor, mask: Tensor, value: TensorLike): Tensor {
  const m = boolMask(mask);
  if (isTensor(value) && value.ndim !== 0) {
    throw runtimeError(
      `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.ndim} dimension(s).`,
    );
  }
  // A 0-dim tensor value broadcasts as an operand (no synchronous read: it may live on a GPU).
  const v = value;
  const out = Tensor.empty(self.shape, self.dtype, self.deviceType);
  const shape = self.shape;
  backendFor(self.deviceType).where(
    operandView(m, "bool", shape, self.deviceType),
    operandView(v, self.dtype, shape, self.deviceType),
    self.v(),
    out.v(),
  );
  recordOp("MaskedFillBackward0", [self], [out], (node) => {
    const sm = node.save(m);
    return ([g]) => [(g as Tensor).masked_fill(sm.unpack(), 0)];
  });
  return out;
}

Tensor.prototype.masked_fill = function (this: Tensor, mask: Tensor, value: TensorLike) {
  return maskedFill(this, mask, value);
};
Tensor.prototype.masked_fill_ = function (this: Tensor, mask: Tensor, value: TensorLike) {
  // The mask broadcasts to self, never self to the mask.
  const shape = broadcastAll([this.shape, mask.shape]);
  if (shape.length !== this.ndim || shape.some((s, i) => s !== this.shape[i])) {
    throw runtimeError(
      `output with shape [${this.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`,
    );
  }
  return inPlace(
    this,
    [value],
    false,
    () => {
      const r = noGrad(() => maskedFill(this, mask, value));
      backendFor(this.deviceType).copy(r.v(), this.v());
    },
    (alias) => maskedFill(alias, mask, value),
  );
};
