// WGSL math prelude for the elementwise kernels: NaN/inf tests on the bits, and float32 exp,
// log, sin, cos, acos and pow accurate to a few ulp (Cephes' single-precision algorithms).
// WGSL lets compilers assume finite floats and only asks ~2^-11 absolute accuracy of sin/cos,
// and software adapters (SwiftShader) take both liberties; the op table calls these instead.
// Must not use `x != x` or the builtin transcendental functions where PyTorch's results matter.

export const MATH_PRELUDE = `
fn tl_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn tl_isinf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn tl_isfinite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) < 0x7f800000u; }
// Private variables, not literals: a NaN or inf constant expression is a WGSL compile error.
var<private> TL_NAN_BITS: u32 = 0x7fc00000u;
var<private> TL_INF_BITS: u32 = 0x7f800000u;
fn tl_nan() -> f32 { return bitcast<f32>(TL_NAN_BITS); }
fn tl_inf() -> f32 { return bitcast<f32>(TL_INF_BITS); }
fn tl_nonzero(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) != 0u; }
fn tl_pow2(n: i32) -> f32 { return bitcast<f32>(u32(n + 127) << 23u); }

fn tl_exp(x: f32) -> f32 {
  if (tl_isnan(x)) { return x; }
  if (x > 88.72283935546875) { return tl_inf(); }
  if (x < -103.972084045410) { return 0.0; }
  let z = floor(1.44269504088896341 * x + 0.5);
  var r = x - z * 0.693359375;
  r = r - z * -2.12194440e-4;
  let r2 = r * r;
  let p = ((((( 1.9875691500e-4 * r + 1.3981999507e-3) * r + 8.3334519073e-3) * r
    + 4.1665795894e-2) * r + 1.6666665459e-1) * r + 5.0000001201e-1) * r2 + r + 1.0;
  let n = i32(z);
  let h = n / 2;
  return p * tl_pow2(h) * tl_pow2(n - h);
}

fn tl_log(x: f32) -> f32 {
  if (tl_isnan(x) || x < 0.0) { return tl_nan(); }
  if (x == 0.0) { return -tl_inf(); }
  if (tl_isinf(x)) { return x; }
  var v = x;
  var e = 0;
  if (bitcast<u32>(v) < 0x00800000u) { v = v * 8388608.0; e = -23; }
  let bits = bitcast<u32>(v);
  e = e + i32((bits >> 23u) & 0xffu) - 126;
  var m = bitcast<f32>((bits & 0x007fffffu) | 0x3f000000u);
  if (m < 0.707106781186547524) { e = e - 1; m = m + m - 1.0; } else { m = m - 1.0; }
  let z = m * m;
  var y = (((((((( 7.0376836292e-2 * m - 1.1514610310e-1) * m + 1.1676998740e-1) * m
    - 1.2420140846e-1) * m + 1.4249322787e-1) * m - 1.6668057665e-1) * m
    + 2.0000714765e-1) * m - 2.4999993993e-1) * m + 3.3333331174e-1) * m * z;
  let fe = f32(e);
  y = y + -2.12194440e-4 * fe;
  y = y + -0.5 * z;
  return m + y + 0.693359375 * fe;
}

fn tl_expm1(x: f32) -> f32 {
  // Kahan's trick: (u - 1) * x / log(u) cancels the rounding error of u = exp(x).
  if (tl_isnan(x)) { return x; }
  if (x > 88.7) { return tl_inf(); }
  if (x < -17.0) { return -1.0; }
  let u = tl_exp(x);
  if (u == 1.0) { return x; }
  let um = u - 1.0;
  if (um == -1.0) { return -1.0; }
  return um * x / tl_log(u);
}

fn tl_log1p(x: f32) -> f32 {
  if (tl_isnan(x) || x < -1.0) { return tl_nan(); }
  if (x == -1.0) { return -tl_inf(); }
  if (tl_isinf(x)) { return x; }
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return tl_log(u) * x / (u - 1.0);
}

fn tl_sinpoly(x: f32, z: f32) -> f32 {
  return ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * x + x;
}
fn tl_cospoly(z: f32) -> f32 {
  return ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z
    - 0.5 * z + 1.0;
}

/** sin (cosine = false) or cos of x, reduced by pi/4 in three parts (Cephes sinf/cosf). */
fn tl_sincos(xx: f32, cosine: bool) -> f32 {
  if (!tl_isfinite(xx)) { return tl_nan(); }
  var sign = 1.0;
  var x = abs(xx);
  if (!cosine && xx < 0.0) { sign = -1.0; }
  var j = u32(1.27323954473516 * x);
  var y = f32(j);
  if ((j & 1u) == 1u) { j = j + 1u; y = y + 1.0; }
  j = j & 7u;
  if (j > 3u) { sign = -sign; j = j - 4u; }
  if (cosine && j > 1u) { sign = -sign; }
  x = ((x - y * 0.78515625) - y * 2.4187564849853515625e-4) - y * 3.77489497744594108e-8;
  let z = x * x;
  let useCos = (j == 1u || j == 2u) != cosine;
  return sign * select(tl_sinpoly(x, z), tl_cospoly(z), useCos);
}
fn tl_sin(x: f32) -> f32 { return tl_sincos(x, false); }
fn tl_cos(x: f32) -> f32 { return tl_sincos(x, true); }

fn tl_asin_core(a: f32) -> f32 {
  // asin on [0, 1] (Cephes asinf).
  var x = a;
  var z: f32;
  let big = a > 0.5;
  if (big) { z = 0.5 * (1.0 - a); x = sqrt(z); } else { z = a * a; }
  var r = ((((4.2163199048e-2 * z + 2.4181311049e-2) * z + 4.5470025998e-2) * z
    + 7.4953002686e-2) * z + 1.6666752422e-1) * z * x + x;
  if (big) { r = 1.5707963267948966 - (r + r); }
  return r;
}
fn tl_acos(x: f32) -> f32 {
  if (tl_isnan(x) || x < -1.0 || x > 1.0) { return tl_nan(); }
  if (x < -0.5) { return 3.14159265358979 - 2.0 * tl_asin_core(sqrt(0.5 * (1.0 + x))); }
  if (x > 0.5) { return 2.0 * tl_asin_core(sqrt(0.5 * (1.0 - x))); }
  return 1.5707963267948966 - sign(x) * tl_asin_core(abs(x));
}

fn tl_pow(x: f32, y: f32) -> f32 {
  if (y == 0.0 || x == 1.0) { return 1.0; }
  if (tl_isnan(x) || tl_isnan(y)) { return tl_nan(); }
  let ax = abs(x);
  if (tl_isinf(y)) {
    if (ax == 1.0) { return 1.0; }
    return select(0.0, tl_inf(), (ax > 1.0) == (y > 0.0));
  }
  let integral = floor(y) == y;
  let odd = integral && abs(y) < 16777216.0 && (u32(abs(y)) & 1u) == 1u;
  if (x < 0.0 && !integral) { return tl_nan(); }
  let neg = x < 0.0 || (x == 0.0 && (bitcast<u32>(x) & 0x80000000u) != 0u);
  let s = select(1.0, -1.0, neg && odd);
  if (ax == 0.0) { return s * select(tl_inf(), 0.0, y > 0.0); }
  if (tl_isinf(ax)) { return s * select(0.0, tl_inf(), y > 0.0); }
  if (y == 1.0) { return x; }
  if (y == 2.0) { return x * x; }
  // Small integral exponents by squaring: a few roundings instead of exp(y * log|x|), whose
  // error grows with |y log x| (3.0 ** 3 must print 27., as the CPU's pow gives).
  if (integral && abs(y) <= 64.0) {
    var r = 1.0;
    var b = ax;
    var e = u32(abs(y));
    loop {
      if ((e & 1u) == 1u) { r = r * b; }
      e = e >> 1u;
      if (e == 0u) { break; }
      b = b * b;
    }
    return s * select(r, 1.0 / r, y < 0.0);
  }
  return s * tl_exp(y * tl_log(ax));
}

/** Integer power wrapping like C's int32 multiply; negative exponents as intPow. */
fn tl_ipow(a: i32, b: i32) -> i32 {
  if (a == 0i) { return select(0i, 1i, b == 0i); }
  if (a == 1i) { return 1i; }
  if (a == -1i) { return select(-1i, 1i, (b & 1i) == 0i); }
  if (b < 0i) { return 0i; }
  var r = 1i;
  var base = a;
  var e = b;
  loop {
    if (e == 0i) { break; }
    if ((e & 1i) == 1i) { r = r * base; }
    base = base * base;
    e = e >> 1u;
  }
  return r;
}

fn tl_fmod(a: f32, b: f32) -> f32 { return a - trunc(a / b) * b; }

/** Floor division as ATen's div_floor_floating (see floorDivide in elementwise-defs.ts). */
fn tl_floordiv_f(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return a / b; }
  let m = tl_fmod(a, b);
  var d = (a - m) / b;
  if (m != 0.0 && ((b < 0.0) != (m < 0.0))) { d = d - 1.0; }
  if (d == 0.0) {
    return select(0.0, -0.0, ((bitcast<u32>(a) ^ bitcast<u32>(b)) & 0x80000000u) != 0u);
  }
  var fl = floor(d);
  if (d - fl > 0.5) { fl = fl + 1.0; }
  return fl;
}
`;
