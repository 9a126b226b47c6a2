// torch.linalg.vector_norm, matrix_norm and norm, with PyTorch 1.13's argument checks and error
// texts. Vector norms are reduce.ts's pNorm recorded as LinalgVectorNormBackward0; the matrix
// 1- and inf-norms are amax/amin of column (row) sums, as PyTorch composes them. Norms that
// need singular values (ord 2, -2, 'nuc') are not implemented and say so.
import { type DType, isFloating, promoteTypes, type Scalar, scalarValue } from "../core/dtype.ts";
import { notImplemented, runtimeError } from "../core/errors.ts";
import { wrapDim } from "../core/shape.ts";
import type { Tensor } from "../tensor.ts";
import { typeName } from "./helpers.ts";
import { type DimArg, pNorm, reduceDims } from "./reduce.ts";

/** `dtype=`: the input is cast to it first; it must be a float dtype the input widens to. */
export interface NormOptions {
  dtype?: DType | null;
}

export type MatrixOrd = Scalar | "fro" | "nuc";

/** How c10 prints a norm order (a double): 2, 0.5, inf, -inf. */
const ordText = (p: number): string => (Number.isFinite(p) ? String(p) : p > 0 ? "inf" : "-inf");

function checkDtype(x: Tensor, dtype: DType | null | undefined, api: string): Tensor {
  if (dtype === null || dtype === undefined) return x;
  if (!isFloating(dtype)) {
    throw runtimeError(
      `${api}: dtype should be floating point or complex, but got ${typeName(dtype)}`,
    );
  }
  if (promoteTypes(x.dtype, dtype) !== dtype) {
    throw runtimeError(
      `${api}: the dtype of the input (${typeName(x.dtype)}) should be convertible without narrowing to the specified dtype (${typeName(dtype)})`,
    );
  }
  return x.to(dtype);
}

/** torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None). */
export function vector_norm(
  x: Tensor,
  ord: Scalar = 2,
  dim?: DimArg,
  keepdim = false,
  opts?: NormOptions,
): Tensor {
  const api = "linalg.vector_norm";
  if (!isFloating(x.dtype)) {
    throw runtimeError(
      `${api}: Expected a floating point or complex tensor as input. Got ${typeName(x.dtype)}`,
    );
  }
  const p = scalarValue(ord);
  const all = dim === null || dim === undefined || (typeof dim !== "number" && dim.length === 0);
  if (x.numel() === 0 && (p < 0 || p === Number.POSITIVE_INFINITY)) {
    if (all) {
      throw runtimeError(
        `${api} cannot compute the ${ordText(p)} norm on an empty tensor because the operation does not have an identity`,
      );
    }
    for (const d of typeof dim === "number" ? [dim] : (dim as readonly number[])) {
      if (x.shape[wrapDim(d, x.ndim)] === 0) {
        throw runtimeError(
          `${api} cannot compute the ${ordText(p)} norm on the dimension ${d}because this dimension is empty and the operation does not have an identity`,
        );
      }
    }
  }
  const input = checkDtype(x, opts?.dtype, api);
  return pNorm(input, p, reduceDims(input, dim), keepdim, "LinalgVectorNormBackward0");
}

/** torch.linalg.matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, dtype=None). */
export function matrix_norm(
  A: Tensor,
  ord: MatrixOrd = "fro",
  dim: readonly number[] = [-2, -1],
  keepdim = false,
  opts?: NormOptions,
): Tensor {
  const api = "linalg.matrix_norm";
  const p = typeof ord === "string" ? ord : scalarValue(ord);
  const supported =
    typeof p === "string"
      ? p === "fro" || p === "nuc"
      : Math.abs(p) === 1 || Math.abs(p) === 2 || Math.abs(p) === Number.POSITIVE_INFINITY;
  if (!supported) {
    throw runtimeError(`${api}: Order ${typeof p === "string" ? p : ordText(p)} not supported.`);
  }
  if (A.ndim < 2) throw runtimeError(`${api}: The input tensor A must have at least 2 dimensions.`);
  if (!isFloating(A.dtype)) {
    throw runtimeError(
      `${api}: Expected a floating point or complex tensor as input. Got ${typeName(A.dtype)}`,
    );
  }
  if (dim.length !== 2) throw runtimeError(`${api}: dim must be a 2-tuple. Got ${dim.join(", ")}`);
  let [d0, d1] = dim.map((d) => wrapDim(d, A.ndim)) as [number, number];
  if (d0 === d1) throw runtimeError(`${api}: dims must be different. Got (${d0}, ${d1})`);
  const input = checkDtype(A, opts?.dtype, api);
  if (p === "fro") return vector_norm(input, 2, [d0, d1], keepdim);
  if (p === "nuc" || Math.abs(p) === 2) {
    throw notImplemented(
      `${api}: ord=${typeof p === "string" ? `'${p}'` : p} needs singular values (torch.linalg.svd), which torchlit does not implement`,
    );
  }
  // The inf-norm is the 1-norm of the transpose: largest (smallest) absolute row sum.
  if (Math.abs(p) === Number.POSITIVE_INFINITY) [d0, d1] = [d1, d0];
  if (!keepdim && d0 < d1) d1--;
  const sums = vector_norm(input, 1, d0, keepdim);
  return p > 0 ? sums.amax(d1, keepdim) : sums.amin(d1, keepdim);
}

/**
 * torch.linalg.norm(A, ord=None, dim=None, keepdim=False, *, dtype=None): without ord, the
 * 2-norm of the flattened input (Frobenius for a matrix); with ord, a vector norm over one dim
 * or a matrix norm over two (a string ord is always a matrix norm).
 */
export function norm(
  A: Tensor,
  ord: MatrixOrd | null = null,
  dim?: number | readonly number[] | null,
  keepdim = false,
  opts?: NormOptions,
): Tensor {
  const dims = dim === null || dim === undefined ? null : typeof dim === "number" ? [dim] : dim;
  if (dims !== null) {
    if (dims.length !== 1 && dims.length !== 2) {
      throw runtimeError(
        `linalg.norm: If dim is specified, it must be of length 1 or 2. Got [${dims.join(", ")}]`,
      );
    }
  } else if (ord !== null && A.ndim !== 1 && A.ndim !== 2) {
    throw runtimeError(
      `linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got ${A.ndim}D.`,
    );
  }
  if (typeof ord === "string") return matrix_norm(A, ord, dims ?? [0, 1], keepdim, opts);
  if (ord !== null && (dims === null ? A.ndim === 2 : dims.length === 2))
    return matrix_norm(A, ord, dims ?? [0, 1], keepdim, opts);
  return vector_norm(A, ord ?? 2, dims, keepdim, opts);
}
