// torch.linalg.inv (Tensor.inverse), linalg.inv_ex and linalg.det (Tensor.det): an LU
// factorisation (Backend.luFactor, LAPACK's getrf) and LU solves (Backend.luSolve, getrs), with
// PyTorch 1.13's checks, error texts and backward rules beside each forward. As PyTorch does on
// the CPU, a contiguous A is factored as A^T (which is column-major there, as LAPACK wants it):
// that decides the rounding, and which zero pivot a singular matrix reports.

import { isGradEnabled, noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import type { View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import { isFloating } from "../core/dtype.ts";
import { linalgError, runtimeError } from "../core/errors.ts";
import { contiguousStrides, numelOf } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { contiguousClone } from "./copy.ts";
import { arange, eye } from "./creation.ts";
import { typeName } from "./helpers.ts";
import { where } from "./tensor-math.ts";

declare module "../tensor.ts" {
  interface Tensor {
    /** torch.inverse / Tensor.inverse: torch.linalg.inv. */
    inverse(): Tensor;
    /** torch.det / Tensor.det: torch.linalg.det. */
    det(): Tensor;
  }
}

/** An LU factorisation of each matrix M of a batch, M = A^T or A (see `transposed`). */
interface Factored {
  /** [...batch, n, n], contiguous: L below the diagonal (unit), U on and above it. */
  lu: Tensor;
  /** int32 [...batch, n], 1-based as LAPACK's ipiv. */
  pivots: Tensor;
  /** int32 [...batch]: 0, or the 1-based index of U's first zero pivot. */
  info: Tensor;
  /** True when M is A^T (A was contiguous), false when it is A. */
  transposed: boolean;
  batch: number[];
  n: number;
}

/** The checks linalg.inv and linalg.det make, in PyTorch's order and words. */
function checkSquare(A: Tensor, api: string): void {
  if (A.ndim < 2) throw runtimeError(`${api}: The input tensor A must have at least 2 dimensions.`);
  const m = A.shape[A.ndim - 2] as number;
  const n = A.shape[A.ndim - 1] as number;
  if (m !== n) {
    throw runtimeError(
      `${api}: A must be batches of square matrices, but they are ${m} by ${n} matrices`,
    );
  }
  if (!isFloating(A.dtype)) {
    throw runtimeError(
      `${api}: Expected a floating point or complex tensor as input. Got ${typeName(A.dtype)}`,
    );
  }
}

function factor(A: Tensor): Factored {
  const n = A.shape[A.ndim - 1] as number;
  const batch = A.shape.slice(0, -2);
  const B = numelOf(batch);
  const device = A.deviceType;
  const transposed = A.isContiguous();
  const src = transposed ? A : noGrad(() => contiguousClone(A));
  const lu = Tensor.empty([...batch, n, n], A.dtype, device);
  const pivots = Tensor.empty([...batch, n], "int32", device);
  const info = Tensor.empty(batch, "int32", device);
  const srcView: View = {
    ...src.v(),
    shape: [B, n, n],
    strides: transposed ? [n * n, 1, n] : [n * n, n, 1],
  };
  backendFor(device).luFactor(
    srcView,
    { ...lu.v(), shape: [B, n, n], strides: [n * n, n, 1] },
    { ...pivots.v(), shape: [B, n], strides: [n, 1] },
    { ...info.v(), shape: [B], strides: [1] },
  );
  return { lu, pivots, info, transposed, batch, n };
}

/**
 * X solving M X = rhs (M^T X = rhs when `transpose`) for each batch, written column-major per
 * matrix as LAPACK leaves it: [...batch, n, n] with strides [..., 1, n]. rhs is [B, n, n].
 */
function solve(f: Factored, lu: Tensor, rhs: View, transpose: boolean, dtype: Tensor["dtype"]) {
  const { n, batch } = f;
  const B = numelOf(batch);
  const store = Tensor.empty([B * n * n], dtype, lu.deviceType).storage;
  // PyTorch's batched_matrix_contiguous_strides(f_contig=True), sizes of 0 counted as 1.
  const strides = contiguousStrides([...batch, n, n]);
  strides[batch.length] = 1;
  strides[batch.length + 1] = Math.max(n, 1);
  const out = new Tensor(store, [...batch, n, n], strides, 0);
  backendFor(lu.deviceType).luSolve(
    { ...lu.v(), shape: [B, n, n], strides: [n * n, n, 1] },
    { ...f.pivots.v(), shape: [B, n], strides: [n, 1] },
    rhs,
    { ...out.v(), shape: [B, n, n], strides: [n * n, 1, n] },
    transpose,
  );
  return out;
}

/** Raises PyTorch's LinAlgError for the first matrix whose factorisation met a zero pivot. */
function checkSingular(info: Tensor, api: string, single: boolean): void {
  if (info.numel() === 0) return;
  const codes = info.dataSync(); // on a GPU: a host read (the op replays once it is answered)
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code === 0) continue;
    const where = single ? "" : `: (Batch element ${i})`;
    throw linalgError(
      `${api}${where}: The diagonal element ${code} is zero, the inversion could not be completed because the input matrix is singular.`,
    );
  }
}

/**
 * torch.linalg.inv_ex(A, check_errors=False): the inverse, and info (int32, per matrix: 0, or
 * the 1-based index of the zero pivot that made it singular; the inverse then holds inf/nan).
 * The inverse solves A X = I through the LU factorisation; its gradient, from
 * d(A^-1) = -A^-1 dA A^-1, is  dA = -A^-T G A^-T  (computed as -(A^-T (G A^-T))).
 */
export function linalg_inv_ex(A: Tensor, checkErrors = false): { inverse: Tensor; info: Tensor } {
  checkSquare(A, "linalg.inv");
  const f = factor(A);
  const { n } = f;
  const identity = eye(n, { dtype: A.dtype, device: A.deviceType });
  const rhs: View = { ...identity.v(), shape: [numelOf(f.batch), n, n], strides: [0, n, 1] };
  const inverse = solve(f, f.lu, rhs, f.transposed, A.dtype);
  recordOp("LinalgInvExBackward0", [A], [inverse], (node) => {
    const saved = node.save(inverse, true);
    return ([g]) => {
      const invT = saved.unpack().transpose(-2, -1);
      return [invT.matmul((g as Tensor).matmul(invT)).neg()];
    };
  });
  if (checkErrors) checkSingular(f.info, "linalg.inv_ex", A.ndim === 2);
  return { inverse, info: f.info };
}

/** torch.linalg.inv(A) (also torch.inverse): raises LinAlgError for a singular matrix. */
export function linalg_inv(A: Tensor): Tensor {
  const { inverse, info } = linalg_inv_ex(A);
  checkSingular(info, "linalg.inv", A.ndim === 2);
  return inverse;
}

/** Machine epsilon of a float dtype (at::native::_get_epsilon). */
const epsilon = (dtype: Tensor["dtype"]): number => (dtype === "float32" ? 2 ** -23 : 2 ** -52);

/**
 * torch.linalg.det(A) (also torch.det): the product of U's diagonal, negated for an odd number
 * of row swaps. Gradient (Jacobi's formula): dA = g det(A) A^-T. PyTorch 1.13 solves it with
 * the saved factorisation, M^T X = diag(g det) or M X = diag(g det) as M is A or A^T, after
 * setting U's zero pivots to eps (a singular A then gets a finite, zero gradient: det is 0);
 * under create_graph it is g det(A) inverse(A)^T, itself differentiable.
 */
export function linalg_det(A: Tensor): Tensor {
  checkSquare(A, "linalg.det");
  const f = factor(A);
  const { n, batch } = f;
  const diagOf = (lu: Tensor) =>
    new Tensor(
      lu.storage,
      [...batch, n],
      [...contiguousStrides(batch).map((s) => s * n * n), n + 1],
      0,
    );
  const det = noGrad(() => {
    // lu_det_P: (-1) ** (number of pivots that moved a row).
    const steps = arange(1, n + 1, 1, { dtype: "int32", device: A.deviceType });
    const sign = f.pivots.ne(steps).sum(-1).remainder(2).mul(-2).add(1);
    const p = diagOf(f.lu).prod(-1);
    return sign.mul(p);
  });
  recordOp("LinalgDetBackward0", [A], [det], (node) => {
    const sA = node.save(A);
    const sDet = node.save(det, true);
    return ([g]) => {
      const gd = (g as Tensor).mul(sDet.unpack());
      if (isGradEnabled()) {
        // create_graph: a differentiable formula (PyTorch solves with A^H here).
        // inv_ex: no singular check, so no host read inside backward on a GPU.
        const inv = linalg_inv_ex(sA.unpack()).inverse;
        return [inv.transpose(-2, -1).mul(gd.unsqueeze(-1).unsqueeze(-1))];
      }
      return [
        noGrad(() => {
          const lu = contiguousClone(f.lu);
          const d = diagOf(lu);
          d.copy_(where(d.eq(0), epsilon(lu.dtype), d));
          const rhs = Tensor.empty([...batch, n, n], gd.dtype, gd.deviceType).zero_();
          diagOf(rhs).copy_(gd.unsqueeze(-1).expand([...batch, n]));
          const B = numelOf(batch);
          const view: View = { ...rhs.v(), shape: [B, n, n], strides: [n * n, n, 1] };
          return solve(f, lu, view, !f.transposed, gd.dtype);
        }),
      ];
    };
  });
  return det;
}

const P = Tensor.prototype;
P.inverse = function (this: Tensor) {
  return linalg_inv(this);
};
P.det = function (this: Tensor) {
  return linalg_det(this);
};
