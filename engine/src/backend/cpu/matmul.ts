// CPU batched matrix multiply. float32 runs on the WebAssembly SIMD micro-kernel (wasm-gemm.ts)
// over operands packed into 4-row / 8-column panels, accumulating in float32 as BLAS does for
// PyTorch's float32 matmul. Other dtypes (and runtimes without Wasm SIMD) use a register-blocked
// JS kernel that accumulates in doubles and rounds once into the output's typed array.
import type { TypedArray } from "../../core/dtype.ts";
import type { View } from "../backend.ts";
import { MR, NR, wasmGemm } from "./wasm-gemm.ts";

/** Depth of one K block: a 4xKC A panel plus a KCx8 B panel (12 KiB) stay in L1. */
const KC = 256;
/** Rows of A per L2 block: MC x KC floats = 128 KiB. */
const MC = 128;
const PAGE = 65536;

const roundUp = (n: number, m: number): number => Math.ceil(n / m) * m;

export function cpuMatmul(a: View, b: View, dst: View): void {
  const [B, M, K] = a.shape as [number, number, number];
  const N = b.shape[2] as number;
  if (B === 0 || M === 0 || N === 0) return;
  const y = dst.buf as TypedArray;
  if (K === 0) {
    y.fill(0, dst.offset, dst.offset + B * M * N);
    return;
  }
  const gemm = a.dtype === "float32" && b.dtype === "float32" ? wasmGemm() : null;
  // The Wasm path needs (M + N) * K + M * N floats of module memory; if the runtime refuses to
  // grow it that far, the JS kernel still gives the answer, only slower.
  const fits = gemm !== null && ensureMemory(gemm.memory, wasmFloats(M, K, N) * 4);
  for (let bi = 0; bi < B; bi++) {
    const yBase = dst.offset + bi * M * N;
    if (fits) wasmMatmul(gemm.memory, gemm.kernel, a, b, bi, M, K, N, y, yBase);
    else jsMatmul(a, b, bi, M, K, N, y, yBase);
  }
}

/** Floats of module memory one product uses: packed A, packed B and the padded C tile grid. */
const wasmFloats = (M: number, K: number, N: number): number =>
  roundUp(M, MR) * K + K * roundUp(N, NR) + roundUp(M, MR) * roundUp(N, NR);

function ensureMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / PAGE));
    return true;
  } catch {
    return false;
  }
}

function wasmMatmul(
  memory: WebAssembly.Memory,
  kernel: (ap: number, bp: number, cp: number, kc: number, ldc: number) => void,
  a: View,
  b: View,
  bi: number,
  M: number,
  K: number,
  N: number,
  y: TypedArray,
  yBase: number,
): void {
  const Mp = roundUp(M, MR);
  const Np = roundUp(N, NR);
  // Float offsets of the packed A, packed B and padded C regions in the module's memory.
  const aAt = 0;
  const bAt = aAt + Mp * K;
  const cAt = bAt + K * Np;
  const f = new Float32Array(memory.buffer);
  packA(a, bi, M, K, Mp, f, aAt);
  packB(b, bi, K, N, Np, f, bAt);
  f.fill(0, cAt, cAt + Mp * Np);
  const ldc = Np * 4;
  // GotoBLAS loop order: a K block, then an MC-row block of A (kept in L2) against every
  // 8-column B micro-panel (kept in L1 across the block's MC / 4 kernel calls).
  const panelsA = Mp / MR;
  const blockA = Math.max(1, Math.floor(MC / MR));
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = Math.min(KC, K - k0);
    for (let p0 = 0; p0 < panelsA; p0 += blockA) {
      const p1 = Math.min(panelsA, p0 + blockA);
      for (let q = 0; q < Np / NR; q++) {
        const bp = (bAt + (q * K + k0) * NR) * 4;
        const cq = (cAt + q * NR) * 4;
        for (let p = p0; p < p1; p++)
          kernel((aAt + (p * K + k0) * MR) * 4, bp, cq + p * MR * ldc, kc, ldc);
      }
    }
  }
  for (let i = 0; i < M; i++) {
    const from = cAt + i * Np;
    y.set(f.subarray(from, from + N), yBase + i * N);
  }
}

/**
 * A[bi] (M x K, any strides) into MR-row panels: panel p holds K groups of MR values. The MR
 * rows are read side by side, so a transposed A (a gradient's a.T) reads MR adjacent values per
 * step instead of walking one column at a time.
 */
function packA(v: View, bi: number, M: number, K: number, Mp: number, f: Float32Array, at: number) {
  const x = v.buf as TypedArray;
  const [bs, rs, cs] = v.strides as [number, number, number];
  const base = v.offset + bi * bs;
  for (let i0 = 0; i0 < Mp; i0 += MR) {
    const h = Math.min(MR, M - i0);
    let d = at + i0 * K;
    for (let k = 0; k < K; k++, d += MR) {
      let s = base + i0 * rs + k * cs;
      let r = 0;
      for (; r < h; r++, s += rs) f[d + r] = x[s] as number;
      for (; r < MR; r++) f[d + r] = 0;
    }
  }
}

/** B[bi] (K x N, any strides) into NR-column panels: panel q holds K groups of NR values. */
function packB(v: View, bi: number, K: number, N: number, Np: number, f: Float32Array, at: number) {
  const x = v.buf as TypedArray;
  const [bs, rs, cs] = v.strides as [number, number, number];
  const base = v.offset + bi * bs;
  for (let q = 0; q < Np / NR; q++) {
    const j0 = q * NR;
    const w = Math.min(NR, N - j0);
    let d = at + q * K * NR;
    for (let k = 0; k < K; k++, d += NR) {
      let s = base + k * rs + j0 * cs;
      let c = 0;
      for (; c < w; c++, s += cs) f[d + c] = x[s] as number;
      for (; c < NR; c++) f[d + c] = 0;
    }
  }
}

/**
 * Double-precision fallback: 2 rows of A against 4 columns of B per step, so each loaded B
 * value feeds two accumulators and each A value four. Operands are read through their strides.
 */
function jsMatmul(
  a: View,
  b: View,
  bi: number,
  M: number,
  K: number,
  N: number,
  y: TypedArray,
  yBase: number,
): void {
  const A = pack64(a, bi, M, K);
  const Bt = pack64T(b, bi, K, N);
  let i = 0;
  for (; i + 1 < M; i += 2) {
    const a0 = i * K;
    const a1 = a0 + K;
    let j = 0;
    for (; j + 3 < N; j += 4) {
      const b0 = j * K;
      const b1 = b0 + K;
      const b2 = b1 + K;
      const b3 = b2 + K;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k] as number;
        const x1 = A[a1 + k] as number;
        const w0 = Bt[b0 + k] as number;
        const w1 = Bt[b1 + k] as number;
        const w2 = Bt[b2 + k] as number;
        const w3 = Bt[b3 + k] as number;
        c00 += x0 * w0;
        c01 += x0 * w1;
        c02 += x0 * w2;
        c03 += x0 * w3;
        c10 += x1 * w0;
        c11 += x1 * w1;
        c12 += x1 * w2;
        c13 += x1 * w3;
      }
      const y0 = yBase + i * N + j;
      const y1 = y0 + N;
      y[y0] = c00;
      y[y0 + 1] = c01;
      y[y0 + 2] = c02;
      y[y0 + 3] = c03;
      y[y1] = c10;
      y[y1 + 1] = c11;
      y[y1 + 2] = c12;
      y[y1 + 3] = c13;
    }
    for (; j < N; j++) {
      y[yBase + i * N + j] = dotRow(A, a0, Bt, j * K, K);
      y[yBase + (i + 1) * N + j] = dotRow(A, a1, Bt, j * K, K);
    }
  }
  for (; i < M; i++)
    for (let j = 0; j < N; j++) y[yBase + i * N + j] = dotRow(A, i * K, Bt, j * K, K);
}

function dotRow(A: Float64Array, ai: number, B: Float64Array, bi: number, K: number): number {
  let s = 0;
  for (let k = 0; k < K; k++) s += (A[ai + k] as number) * (B[bi + k] as number);
  return s;
}

/** Rows x cols of batch `bi` as contiguous doubles. */
function pack64(v: View, bi: number, rows: number, cols: number): Float64Array {
  const x = v.buf as TypedArray;
  const out = new Float64Array(rows * cols);
  const [bs, rs, cs] = v.strides as [number, number, number];
  const base = v.offset + bi * bs;
  let k = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0, p = base + r * rs; c < cols; c++, p += cs) out[k++] = x[p] as number;
  return out;
}

/** Rows x cols of batch `bi`, transposed into contiguous doubles (cols x rows). */
function pack64T(v: View, bi: number, rows: number, cols: number): Float64Array {
  const x = v.buf as TypedArray;
  const out = new Float64Array(rows * cols);
  const [bs, rs, cs] = v.strides as [number, number, number];
  const base = v.offset + bi * bs;
  let k = 0;
  for (let c = 0; c < cols; c++)
    for (let r = 0, p = base + c * cs; r < rows; r++, p += rs) out[k++] = x[p] as number;
  return out;
}
