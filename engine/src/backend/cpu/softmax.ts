// float32 softmax and log_softmax over the last dim in PyTorch 1.13's CPU order
// (aten/src/ATen/native/cpu/SoftMaxKernel.cpp, _vec_softmax_lastdim and
// _vec_log_softmax_lastdim, AVX2: 8 float32 lanes), so the digits are PyTorch's:
//   max    the row's maximum (any order gives the same value; NaN wins);
//   exp    e_i = exp(x_i - max), SLEEF's exp (core/sleef.ts);
//   sum    vec::reduce_all: rows shorter than 8 add left to right; longer ones keep 8 lane sums
//          (the first 8 values, then each next 8 added lane by lane, a short tail into its first
//          lanes), then add the lanes as AVX2 shuffles pair them: ((l0+l4) + (l2+l6)) +
//          ((l1+l5) + (l3+l7));
//   out    softmax: e_i * (1 / sum), a multiply by the reciprocal;
//          log_softmax: (x_i - max) - log(sum), with SLEEF's log.
// Rows are independent, so PyTorch's split of rows over threads does not change the result.
import { sleefExpf, sleefLogf } from "../../core/sleef.ts";

const f = Math.fround;

/** vec::reduce_all's sum of v[0 .. n) in float32 (see the header). */
function laneSum(v: Float32Array, base: number, n: number, lanes: Float64Array): number {
  if (n < 8) {
    let acc = v[base] as number;
    for (let i = 1; i < n; i++) acc = f(acc + (v[base + i] as number));
    return acc;
  }
  for (let l = 0; l < 8; l++) lanes[l] = v[base + l] as number;
  const full = n - (n % 8);
  let d = 8;
  for (; d < full; d += 8)
    for (let l = 0; l < 8; l++) lanes[l] = f((lanes[l] as number) + (v[base + d + l] as number));
  for (let l = 0; d + l < n; l++) lanes[l] = f((lanes[l] as number) + (v[base + d + l] as number));
  const a = lanes as unknown as number[];
  const p0 = f((a[0] as number) + (a[4] as number));
  const p1 = f((a[1] as number) + (a[5] as number));
  const p2 = f((a[2] as number) + (a[6] as number));
  const p3 = f((a[3] as number) + (a[7] as number));
  return f(f(p0 + p2) + f(p1 + p3));
}

/**
 * Softmax (or log_softmax) of each of `rows` contiguous rows of n float32 from x[xOff] into
 * y[yOff] (same layout; y may be x's buffer only if the rows do not overlap other input).
 */
export function softmaxLastDim32(
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  yOff: number,
  rows: number,
  n: number,
  log: boolean,
): void {
  if (n === 0) return;
  const lanes = new Float64Array(8);
  const tmp = log ? new Float32Array(n) : null;
  for (let r = 0; r < rows; r++) {
    const xb = xOff + r * n;
    const yb = yOff + r * n;
    let max = x[xb] as number;
    for (let i = 1; i < n; i++) {
      const v = x[xb + i] as number;
      if (v > max || v !== v) max = v;
      if (max !== max) break;
    }
    if (log) {
      const e = tmp as Float32Array;
      for (let i = 0; i < n; i++) e[i] = sleefExpf(f((x[xb + i] as number) - max));
      const logSum = sleefLogf(laneSum(e, 0, n, lanes));
      for (let i = 0; i < n; i++) y[yb + i] = f(f((x[xb + i] as number) - max) - logSum);
    } else {
      for (let i = 0; i < n; i++) y[yb + i] = sleefExpf(f((x[xb + i] as number) - max));
      const inv = f(1 / laneSum(y, yb, n, lanes));
      for (let i = 0; i < n; i++) y[yb + i] = f((y[yb + i] as number) * inv);
    }
  }
}
