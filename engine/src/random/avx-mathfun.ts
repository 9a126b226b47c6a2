// Single-lane replicas of the float32 log and sincos that PyTorch's AVX2 normal_
// kernel uses (ATen's avx_mathfun.h, Cephes polynomials by way of Pommier's
// sse_mathfun). Every float operation is rounded with Math.fround, and the spots
// where GCC contracts a multiply and an add into one FMA (Debian's build compiles the
// AVX2 kernels with -mfma and fp-contract=fast) use fmaF32; checked bit-identical on
// 10^6 samples. Only meaningful for the inputs normal_ feeds (x in (0, 1], theta >= 0).

import { fmaF32 } from "./float-ops.ts";

const f = Math.fround;
const scratchF = new Float32Array(1);
const scratchI = new Int32Array(scratchF.buffer);

function bitsOf(x: number): number {
  scratchF[0] = x;
  return scratchI[0] as number;
}
function fromBits(bits: number): number {
  scratchI[0] = bits;
  return scratchF[0] as number;
}

const SQRTHF = f(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.1219444e-4);
const LOG_Q2 = f(0.693359375);
const MIN_NORM_POS = fromBits(0x00800000);

/** log256_ps for one lane with x > 0. */
export function logf32(xIn: number): number {
  let x = Math.max(f(xIn), MIN_NORM_POS);
  const bits = bitsOf(x);
  let e = f((bits >>> 23) - 0x7f + 1);
  x = fromBits((bits & ~0x7f800000) | 0x3f000000); // mantissa scaled into [0.5, 1)
  const below = x < SQRTHF;
  const tmp0 = below ? x : 0;
  x = f(x - 1);
  if (below) e = f(e - 1);
  x = f(x + tmp0);
  const z = f(x * x);
  let y = LOG_P[0] as number;
  for (let k = 1; k < LOG_P.length; k++) {
    y = fmaF32(y, x, LOG_P[k] as number);
  }
  y = f(y * x);
  const eq1 = f(e * LOG_Q1);
  // GCC fuses the first multiply feeding the add (y * z), leaving e * q1 rounded.
  y = fmaF32(y, z, eq1);
  y = f(y - f(z * 0.5)); // z * 0.5 is exact, so fused or not gives the same
  x = f(x + y);
  return f(x + f(e * LOG_Q2)); // e * q2 is exact for the exponents that occur
}

const MINUS_DP1 = f(-0.78515625);
const MINUS_DP2 = f(-2.4187564849853515625e-4);
const MINUS_DP3 = f(-3.77489497744594108e-8);
const SINCOF = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f);
const COSCOF = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f);
const FOPI = f(1.27323954473516);

/** sincos256_ps for one lane; writes [sin, cos] into `out`. */
export function sincosf32(theta: number, out: Float32Array): void {
  const negative = theta < 0 || Object.is(theta, -0);
  let x = Math.abs(theta);
  let j = Math.trunc(f(x * FOPI)) | 0; // cvttps: truncation towards zero
  j = (j + 1) & ~1;
  const y = j;
  const sinSwap = (j & 4) !== 0;
  const cosSwap = (~(j - 2) & 4) !== 0;
  const usePolyCos = (j & 2) === 0;
  // x = ((x - y*DP1) - y*DP2) - y*DP3, each step contracted into an FMA.
  x = fmaF32(y, MINUS_DP1, x);
  x = fmaF32(y, MINUS_DP2, x);
  x = fmaF32(y, MINUS_DP3, x);
  const z = f(x * x);
  let c = COSCOF[0] as number;
  c = fmaF32(c, z, COSCOF[1] as number);
  c = fmaF32(c, z, COSCOF[2] as number);
  c = f(c * z);
  const half = f(z * 0.5);
  c = fmaF32(c, z, -half); // fused here too: c * z - z * 0.5 with c * z unrounded
  c = f(c + 1);
  let s = SINCOF[0] as number;
  s = fmaF32(s, z, SINCOF[1] as number);
  s = fmaF32(s, z, SINCOF[2] as number);
  s = f(s * z);
  s = fmaF32(s, x, x);
  // Select the polynomial per lane, with the same subtractions the vector code does.
  const ysin2 = usePolyCos ? s : 0;
  const ysin1 = usePolyCos ? 0 : c;
  const sinV = f(ysin1 + ysin2);
  const cosV = f(f(c - ysin1) + f(s - ysin2));
  out[0] = negative !== sinSwap ? -sinV : sinV;
  out[1] = cosSwap ? -cosV : cosV;
}
