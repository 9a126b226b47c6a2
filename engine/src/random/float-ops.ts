// Correctly rounded fused multiply-add for float32 and float64, which PyTorch's
// AVX2 kernels use (explicitly, or because GCC contracts a*b+c). JavaScript has no
// fma, so both are emulated with error-free transforms and rounding to odd
// (Boldo & Melquiond, 2008). Pure numeric helpers; no tensors, no generator.

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** Rounds `s` (already RN(x)) to odd given the exact error `err = x - s`. */
export function roundToOdd(s: number, err: number): number {
  if (err === 0 || !Number.isFinite(s)) return s;
  scratch[0] = s;
  if (((scratchWords[LOW] as number) & 1) === 1) return s;
  // Even mantissa and inexact: step one ulp towards the exact value, which is odd.
  const away = s > 0 === err > 0;
  let lo = scratchWords[LOW] as number;
  let hi = scratchWords[HIGH] as number;
  if (away) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  scratchWords[LOW] = lo;
  scratchWords[HIGH] = hi;
  return scratch[0] as number;
}

/** Error of a floating-point addition: returns e with a + b = RN(a + b) + e exactly. */
function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** fmaf(a, b, c) for float32 inputs: RN32(a * b + c) with a single rounding. */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  const r = Math.fround(s);
  if (r === s) return r;
  // Rounding twice (to double, then to float) only goes wrong when s landed exactly on
  // a float32 midpoint; then the sign of the discarded error picks the side.
  const t = s + (s - r);
  if (Math.fround(t) !== t) return r;
  const err = twoSumError(p, c, s);
  if (err === 0) return r;
  return t > s === err > 0 ? t : r;
}

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split of a double into two halves

/** Exact product a * b = p + e, returns e (Dekker's TwoProduct without fma). */
function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/** fma(a, b, c) for float64: RN(a * b + c) with a single rounding (no overflow/underflow handling). */
export function fmaF64(a: number, b: number, c: number): number {
  const uh = a * b;
  if (!Number.isFinite(uh) || uh === 0) return uh + c;
  const ul = twoProductError(a, b, uh);
  const th = c + uh;
  const tl = twoSumError(c, uh, th);
  const v = tl + ul;
  return th + roundToOdd(v, twoSumError(tl, ul, v));
}

/**
 * static_cast<float>(int64): rounds a 64-bit integer to float32 once (Number() then
 * Math.fround alone would round twice for integers above 2^53).
 */
export function int64ToFloat32(v: bigint): number {
  const n = Number(v);
  if (Number.isSafeInteger(n)) return Math.fround(n);
  const back = BigInt(n);
  const err = v === back ? 0 : v > back ? 1 : -1;
  return Math.fround(roundToOdd(n, err));
}
