// float32 exp and log as PyTorch's CPU kernels compute them, so their last bits are PyTorch's.
//
// PyTorch's Vectorized<float>::exp() and ::log() call SLEEF (Sleef_expf8_u10, Sleef_logf8_u10:
// SLEEF 3's xexpf and xlogf_u1, 1-ulp algorithms, not correctly rounded) in its AVX2 build,
// which fuses every multiply-add (FMA). Their results differ from the correctly rounded float32
// in about 7 % (exp) and 0.6 % (log) of inputs, so `torch.exp(x)` printed in full, a softmax and
// a cross-entropy loss would differ too. These replay the same steps in float32: each operation
// rounded with Math.fround, each fused multiply-add with fmaF32 (one rounding). Checked against
// PyTorch 1.13 (AVX2) on 600,000 inputs each, all equal, by fixtures/float-order.json.
import { fmaF32 } from "../random/float-ops.ts";

const f = Math.fround;
const bits = new Float32Array(1);
const word = new Int32Array(bits.buffer);
const asInt = (v: number): number => {
  bits[0] = v;
  return word[0] as number;
};
const asFloat = (i: number): number => {
  word[0] = i;
  return bits[0] as number;
};

/** Round to nearest, ties to even (the CPU's default rounding for float-to-int). */
function rint(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const R_LN2 = f(Math.LOG2E); // 1 / ln 2
const NEG_L2U = f(-0.693145751953125);
const NEG_L2L = f(-1.428606765330187045e-6);
const E5 = f(0.000198527617612853646278381);
const E4 = f(0.00139304355252534151077271);
const E3 = f(0.00833336077630519866943359);
const E2 = f(0.0416664853692054748535156);
const E1 = f(0.166666671633720397949219);

/** exp(d) for a float32 d: k = rint(d / ln 2), a degree-6 polynomial of d - k ln 2, times 2^k. */
export function sleefExpf(d: number): number {
  const q = rint(f(d * R_LN2));
  let s = fmaF32(q, NEG_L2U, d);
  s = fmaF32(q, NEG_L2L, s);
  let u = E5;
  u = fmaF32(u, s, E4);
  u = fmaF32(u, s, E3);
  u = fmaF32(u, s, E2);
  u = fmaF32(u, s, E1);
  u = fmaF32(u, s, 0.5);
  u = f(1 + fmaF32(f(s * s), u, s));
  // ldexp in two halves, so 2^k never overflows on its own
  const h = q >> 1;
  u = f(f(u * 2 ** h) * 2 ** (q - h));
  if (d < -104) return 0;
  if (d > 100) return Number.POSITIVE_INFINITY;
  return u;
}

/** Error-free sum of two float32: [s, t] with s + t = a + b exactly. */
function twoSum(a: number, b: number): [number, number] {
  const s = f(a + b);
  const v = f(s - a);
  return [s, f(f(a - f(s - v)) + f(b - v))];
}

const LN2_HI = f(0.69314718246459960938);
const LN2_LO = f(-1.904654323148236017e-9);
const L3 = f(0.3027294874);
const L2 = f(0.3996108174);
const L1 = f(0.666669488);
const FLT_MIN = f(1.17549435e-38);

/**
 * log(d) for a float32 d: d = m 2^e with m in [0.75, 1.5), then log m = 2 atanh((m-1)/(m+1)) by
 * an odd polynomial, in double-float (pairs of float32) arithmetic; e ln 2 added the same way.
 */
export function sleefLogf(d: number): number {
  const tiny = d < FLT_MIN;
  const x = tiny ? f(d * 2 ** 64) : d;
  let e = ((asInt(f(x * f(1 / 0.75))) >> 23) & 0xff) - 0x7f;
  const m = asFloat(asInt(x) - (e << 23));
  if (tiny) e -= 64;
  const ef = f(e);
  // s = (LN2_HI, LN2_LO) * e
  let sx = f(LN2_HI * ef);
  let sy = fmaF32(LN2_LO, ef, fmaF32(LN2_HI, ef, -sx));
  // (xx, xy) = (m - 1) / (m + 1) in double-float
  const [nx, ny] = twoSum(-1, m);
  const [dx, dy] = twoSum(1, m);
  const t = f(1 / dx);
  const qx = f(nx * t);
  const u = fmaF32(t, nx, -qx);
  const v = fmaF32(-dy, t, fmaF32(-dx, t, 1));
  const xx = qx;
  const xy = fmaF32(qx, v, fmaF32(ny, t, u));
  const x2 = f(xx * xx);
  let p = L3;
  p = fmaF32(p, x2, L2);
  p = fmaF32(p, x2, L1);
  // s += 2 * (xx, xy), then s += x2 * xx * p
  const yx = f(xx * 2);
  let s2 = f(sx + yx);
  sy = f(f(f(f(sx - s2) + yx) + sy) + f(xy * 2));
  sx = s2;
  const w = f(f(x2 * xx) * p);
  s2 = f(sx + w);
  sy = f(f(f(sx - s2) + w) + sy);
  sx = s2;
  if (d === Number.POSITIVE_INFINITY) return d;
  if (d < 0 || d !== d) return Number.NaN;
  if (d === 0) return Number.NEGATIVE_INFINITY;
  return f(sx + sy);
}

/** torch.sigmoid on float32 as PyTorch's vectorised kernel: 1 / (exp(-x) + 1). */
export function sleefSigmoidf(x: number): number {
  return f(1 / f(sleefExpf(-x) + 1));
}
