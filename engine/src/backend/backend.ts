// The boundary between ops and where data lives. Ops are written once against this interface;
// the CPU backend is the readable reference and the WebGPU backend implements the same kernels.
// Reads are asynchronous by design (a GPU cannot read synchronously); buffers are freed explicitly.
import type { DType, TypedArray } from "../core/dtype.ts";
import type { BinaryOp, UnaryOp } from "../core/elementwise-defs.ts";

/** The devices a tensor can live on: "cuda" is the WebGPU backend. */
export type DeviceType = "cpu" | "cuda";

/** A backend's handle for one storage's memory. */
export type BackendBuffer = unknown;

/** A strided window onto a buffer: what every kernel reads and writes. */
export interface View {
  readonly buf: BackendBuffer;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

export type ReduceOp = "sum" | "prod" | "max" | "min" | "all" | "any";
export type ArgReduceOp = "argmax" | "argmin";

export interface Backend {
  readonly device: DeviceType;
  readonly name: string;
  alloc(dtype: DType, numel: number): BackendBuffer;
  free(buf: BackendBuffer): void;
  /**
   * A read-only one-element buffer holding `value` (already cast to `dtype`), owned and cached
   * by the backend: scalar operands cost no allocation, upload or fill per use. Never freed by
   * the caller and never written by a kernel.
   */
  constant(dtype: DType, value: number): BackendBuffer;
  /** Writes a whole buffer from host data of the buffer's dtype. */
  upload(buf: BackendBuffer, data: TypedArray): void;
  /** Reads a view into a new contiguous host array of its dtype. */
  read(v: View): Promise<TypedArray>;
  /** Synchronous read; null when this backend cannot read synchronously. */
  readSync(v: View): TypedArray | null;

  fill(dst: View, value: number): void;
  /** Strided copy with dtype conversion; src has dst's shape (broadcast dims have stride 0). */
  copy(src: View, dst: View): void;
  /** Elementwise op from the op table, by name; operands have dst's shape. */
  unary(op: UnaryOp, src: View, dst: View, params: readonly number[]): void;
  binary(op: BinaryOp, a: View, b: View, dst: View): void;
  where(cond: View, a: View, b: View, dst: View): void;
  /**
   * Reduces the trailing `src.shape.length - dst.shape.length` dims of src into dst
   * (the ops layer permutes reduced dims to the end). dst is contiguous.
   */
  reduce(op: ReduceOp, src: View, dst: View): void;
  /** Reduces the last dim of src to values and int64 indices (first occurrence wins, NaN wins). */
  argReduce(op: ArgReduceOp, src: View, values: View | null, indices: View): void;
  /** Batched matmul: a [B, M, K], b [B, K, N] -> dst [B, M, N] (contiguous). */
  matmul(a: View, b: View, dst: View): void;
  /** Inclusive scan along the last dim. */
  cumulative(op: "cumsum" | "cumprod", src: View, dst: View): void;
  /** Gathers along `dim`: dst[..i..] = src[..index[..i..]..]; index is int64 with dst's shape. */
  gather(src: View, dim: number, index: View, dst: View): void;
  /** Scatters src into dst along `dim` at index (assignment or accumulation). */
  scatter(dst: View, dim: number, index: View, src: View, reduce: "none" | "add"): void;
  /**
   * Sorts the last dim; writes values and int64 indices. Stable unless `stable` is false, when
   * a backend may leave equal keys in any order (the CPU one replays PyTorch's std::sort).
   */
  sort(src: View, descending: boolean, values: View, indices: View, stable?: boolean): void;
  /**
   * The k largest (or smallest) of the last dim into values/indices (last dim k). Optional:
   * without it the ops layer takes a prefix of a stable sort (equal keys may then differ from
   * PyTorch's CPU order).
   */
  topk?(src: View, k: number, largest: boolean, sorted: boolean, values: View, indices: View): void;
  /**
   * Softmax (log_softmax when `log`) over the last dim of a contiguous float32 src into the
   * contiguous dst, in PyTorch's CPU order. Optional: without it the nn layer composes the op
   * from max, exp and sum.
   */
  softmaxLastDim?(src: View, dst: View, log: boolean): void;
  /**
   * The p-norm (p = 1 or 2) of the trailing `src.shape.length - dst.shape.length` dims of a
   * float32 src into the float32 dst, in PyTorch's CPU order. Optional: without it the ops
   * layer composes the norm from abs, mul, sum and sqrt.
   */
  vectorNorm?(p: 1 | 2, src: View, dst: View): void;
  /**
   * LU factorisation with partial pivoting of each matrix of src [B, n, n], in LAPACK getrf's
   * order of operations (so with its rounding): lu (contiguous [B, n, n], another buffer than
   * src's) gets the unit lower L below the diagonal and U on and above it; pivots (int32
   * [B, n]) the 1-based row each step swapped with; info (int32 [B]) 0, or the 1-based index of
   * the first zero on U's diagonal.
   */
  luFactor(src: View, lu: View, pivots: View, info: View): void;
  /**
   * Solves M X = B, or M^T X = B when `transpose`, for each batch, M given by luFactor's lu and
   * pivots, in LAPACK getrs's order of operations: reads b [B, n, k], writes dst [B, n, k]
   * (another buffer than b's).
   */
  luSolve(lu: View, pivots: View, b: View, dst: View, transpose: boolean): void;
}
