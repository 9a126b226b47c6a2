// LU factorisation and LU solves on the CPU, in the order of operations of reference LAPACK's
// getrf/getrs over reference BLAS (what Debian's PyTorch 1.13 calls), so results match it bit
// for bit: a float32 step rounds to float32 after every operation, as Fortran's REAL does.
// Kernels only: shape checks, the A^T trick and errors belong to the ops (ops/linalg-lu.ts).
import type { TypedArray } from "../../core/dtype.ts";
import type { View } from "../backend.ts";

const buf = (v: View): TypedArray => v.buf as TypedArray;
const identity = (x: number): number => x;

/** LAPACK's SLAMCH('S') / DLAMCH('S'): below it a pivot is divided by, not multiplied by 1/p. */
const SAFE_MIN = { float32: 2 ** -126, float64: 2 ** -1022 };

/** Copies matrix b of a [B, r, c] view into a row-major work array. */
function load(v: View, b: number, work: Float64Array): void {
  const x = buf(v);
  const [, r, c] = v.shape as [number, number, number];
  const [s0, s1, s2] = v.strides as [number, number, number];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) work[i * c + j] = x[v.offset + b * s0 + i * s1 + j * s2] as number;
}

function store(work: Float64Array, v: View, b: number): void {
  const y = buf(v);
  const [, r, c] = v.shape as [number, number, number];
  const [s0, s1, s2] = v.strides as [number, number, number];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) y[v.offset + b * s0 + i * s1 + j * s2] = work[i * c + j] as number;
}

/**
 * getrf: right-looking elimination with partial pivoting. LAPACK's recursive getrf2 (and the
 * blocked getrf above it) apply the same updates to each element in the same order: the pivot
 * is the first largest |a_ik| (isamax), the multipliers are a_ik * (1 / a_kk) (sscal of the
 * reciprocal), and a_ij -= l_ik * u_kj for k = 0, 1, ... A zero pivot leaves its column as it is
 * and records info; elimination goes on, as in LAPACK.
 */
export function cpuLuFactor(src: View, lu: View, pivots: View, info: View): void {
  const [B, n] = src.shape as [number, number, number];
  const r = src.dtype === "float32" ? Math.fround : identity;
  const safeMin = SAFE_MIN[src.dtype === "float32" ? "float32" : "float64"];
  const piv = buf(pivots);
  const inf = buf(info);
  const a = new Float64Array(n * n);
  for (let b = 0; b < B; b++) {
    load(src, b, a);
    let first = 0;
    for (let k = 0; k < n; k++) {
      let p = k;
      let best = Math.abs(a[k * n + k] as number);
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i * n + k] as number);
        if (v > best) {
          best = v;
          p = i;
        }
      }
      piv[pivots.offset + b * (pivots.strides[0] as number) + k * (pivots.strides[1] as number)] =
        p + 1;
      if ((a[p * n + k] as number) !== 0) {
        if (p !== k) {
          for (let j = 0; j < n; j++) {
            const t = a[k * n + j] as number;
            a[k * n + j] = a[p * n + j] as number;
            a[p * n + j] = t;
          }
        }
        const d = a[k * n + k] as number;
        if (Math.abs(d) >= safeMin) {
          const rcp = r(1 / d);
          for (let i = k + 1; i < n; i++) a[i * n + k] = r((a[i * n + k] as number) * rcp);
        } else {
          for (let i = k + 1; i < n; i++) a[i * n + k] = r((a[i * n + k] as number) / d);
        }
      } else if (first === 0) first = k + 1;
      for (let j = k + 1; j < n; j++) {
        const u = a[k * n + j] as number;
        for (let i = k + 1; i < n; i++)
          a[i * n + j] = r((a[i * n + j] as number) - r((a[i * n + k] as number) * u));
      }
    }
    inf[info.offset + b * (info.strides[0] as number)] = first;
    store(a, lu, b);
  }
}

/**
 * getrs, one right-hand column at a time as its triangular solves (strsm) go. M X = B: row swaps,
 * then L (unit) forward and U backward, each skipping a zero entry of x as strsm does (which
 * keeps a zero right-hand side zero even against a zero pivot). M^T X = B: U^T forward, L^T
 * backward, then the swaps in reverse.
 */
export function cpuLuSolve(lu: View, pivots: View, b: View, dst: View, transpose: boolean): void {
  const [B, n, k] = b.shape as [number, number, number];
  const r = lu.dtype === "float32" ? Math.fround : identity;
  const piv = buf(pivots);
  const a = new Float64Array(n * n);
  const x = new Float64Array(n * k);
  for (let bi = 0; bi < B; bi++) {
    load(lu, bi, a);
    load(b, bi, x);
    const p = (i: number): number =>
      (piv[
        pivots.offset + bi * (pivots.strides[0] as number) + i * (pivots.strides[1] as number)
      ] as number) - 1;
    const swap = (i: number, j: number, c: number): void => {
      const t = x[i * k + c] as number;
      x[i * k + c] = x[j * k + c] as number;
      x[j * k + c] = t;
    };
    for (let c = 0; c < k; c++) {
      const at = (i: number): number => x[i * k + c] as number;
      if (!transpose) {
        for (let i = 0; i < n; i++) if (p(i) !== i) swap(i, p(i), c);
        for (let q = 0; q < n; q++) {
          const v = at(q);
          if (v === 0) continue;
          for (let i = q + 1; i < n; i++) x[i * k + c] = r(at(i) - r(v * (a[i * n + q] as number)));
        }
        for (let q = n - 1; q >= 0; q--) {
          if (at(q) === 0) continue;
          const v = r(at(q) / (a[q * n + q] as number));
          x[q * k + c] = v;
          for (let i = 0; i < q; i++) x[i * k + c] = r(at(i) - r(v * (a[i * n + q] as number)));
        }
      } else {
        for (let i = 0; i < n; i++) {
          let t = at(i);
          for (let q = 0; q < i; q++) t = r(t - r((a[q * n + i] as number) * at(q)));
          x[i * k + c] = r(t / (a[i * n + i] as number));
        }
        for (let i = n - 1; i >= 0; i--) {
          let t = at(i);
          for (let q = i + 1; q < n; q++) t = r(t - r((a[q * n + i] as number) * at(q)));
          x[i * k + c] = t;
        }
        for (let i = n - 1; i >= 0; i--) if (p(i) !== i) swap(i, p(i), c);
      }
    }
    store(x, dst, bi);
  }
}
