// torch.linalg as the engine has it, exported from index.ts as `linalg`: inv, inv_ex, det
// (linalg-lu.ts), vector_norm, matrix_norm, norm (linalg-norm.ts) and matmul. Only names
// PyTorch's torch.linalg has belong here, with its argument order.
import type { Tensor } from "../tensor.ts";

export { linalg_det as det, linalg_inv as inv, linalg_inv_ex as inv_ex } from "./linalg-lu.ts";
export { type MatrixOrd, matrix_norm, type NormOptions, norm, vector_norm } from "./linalg-norm.ts";

/** torch.linalg.matmul: torch.matmul. */
export const matmul = (input: Tensor, other: Tensor): Tensor => input.matmul(other);
export { linalgCross as cross } from "./linalg.ts";
