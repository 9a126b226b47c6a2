// Floating-point fills that reproduce PyTorch 1.13's CPU kernels draw for draw:
// uniform_, normal_ (its vectorised normal_fill and its scalar Box-Muller with the
// cached second sample), bernoulli_ and exponential_. Each writes `out` in order, as
// the kernel walks a contiguous tensor; the tensor core owns shapes, strides and dtypes.

import { logf32, sincosf32 } from "./avx-mathfun.ts";
import { fmaF32, fmaF64 } from "./float-ops.ts";
import { defaultGenerator, type Generator } from "./generator.ts";

export type FloatArray = Float32Array | Float64Array;

const f = Math.fround;
const TWO_POW_24 = 16777216;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const TWO_PI = 2 * Math.PI;
const TWO_PI_F32 = f(2 * Math.PI);

/** uniform_real_distribution<float>(0, 1): the low 24 bits of one 32-bit draw. */
export function uniformFloat32(gen: Generator): number {
  return (gen.random() & 0xffffff) / TWO_POW_24;
}

/** uniform_real_distribution<double>(0, 1): the low 53 bits of one 64-bit draw. */
export function uniformFloat64(gen: Generator): number {
  const hi = gen.random();
  const lo = gen.random();
  return ((hi & 0x1fffff) * TWO_POW_32 + lo) / TWO_POW_53;
}

/**
 * `Tensor.uniform_(from, to)`, `torch.rand`: x * (to - from) + from per element, with x
 * drawn at the dtype's precision and the final step fused as GCC compiles it.
 */
export function uniform_(
  out: FloatArray,
  from = 0,
  to = 1,
  gen: Generator = defaultGenerator,
): FloatArray {
  if (!(from <= to)) {
    throw new RangeError(
      `uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`,
    );
  }
  const n = out.length;
  if (out instanceof Float32Array) {
    const lo = f(from);
    const range = f(f(to) - lo);
    for (let i = 0; i < n; i++) {
      const x = uniformFloat32(gen);
      out[i] = lo === 0 ? x * range : fmaF32(x, range, lo);
    }
  } else {
    const range = to - from;
    for (let i = 0; i < n; i++) {
      const x = uniformFloat64(gen);
      out[i] = from === 0 ? x * range : fmaF64(x, range, from);
    }
  }
  return out;
}

/**
 * One sample of at::normal_distribution<double>(mean, std): Box-Muller on two 53-bit
 * uniforms, returning r*cos and caching r*sin on the generator for the next call.
 * Uses the platform's log/sin/cos, which glibc may round differently by one ulp.
 */
export function normalScalar(gen: Generator, mean: number, std: number): number {
  const cached = gen.nextDoubleNormalSample;
  if (cached !== null) {
    gen.nextDoubleNormalSample = null;
    return fmaF64(cached, std, mean);
  }
  const u1 = uniformFloat64(gen);
  const u2 = uniformFloat64(gen);
  const r = Math.sqrt(-2 * Math.log(1 - u2));
  const theta = TWO_PI * u1;
  gen.nextDoubleNormalSample = r * Math.sin(theta);
  return fmaF64(r * Math.cos(theta), std, mean);
}

/** normal_fill_16_AVX2: Box-Muller on 16 float32 uniforms in place (pairs j, j + 8). */
function boxMuller16Float32(
  d: Float32Array,
  o: number,
  mean: number,
  std: number,
  sc: Float32Array,
): void {
  const plain = mean === 0 && std === 1; // fma(v, 1, 0) is v
  for (let j = 0; j < 8; j++) {
    const u1 = f(1 - (d[o + j] as number));
    const u2 = d[o + j + 8] as number;
    const radius = f(Math.sqrt(f(-2 * logf32(u1))));
    sincosf32(f(TWO_PI_F32 * u2), sc);
    const n1 = f(radius * (sc[1] as number));
    const n2 = f(radius * (sc[0] as number));
    d[o + j] = plain ? n1 : fmaF32(n1, std, mean);
    d[o + j + 8] = plain ? n2 : fmaF32(n2, std, mean);
  }
}

/** normal_fill_16<double>: the scalar-loop twin for float64 (libm log/cos/sin). */
function boxMuller16Float64(d: Float64Array, o: number, mean: number, std: number): void {
  const plain = mean === 0 && std === 1;
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - (d[o + j] as number);
    const u2 = d[o + j + 8] as number;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = TWO_PI * u2;
    const n1 = radius * Math.cos(theta);
    const n2 = radius * Math.sin(theta);
    d[o + j] = plain ? n1 : fmaF64(n1, std, mean);
    d[o + j + 8] = plain ? n2 : fmaF64(n2, std, mean);
  }
}

/**
 * `Tensor.normal_(mean, std)`, `torch.randn`, `torch.normal(mean, std, size)`.
 * PyTorch takes the vectorised path for contiguous tensors of 16 or more elements: fill
 * with uniforms, transform blocks of 16, and if n % 16 != 0 draw 16 fresh uniforms over
 * the last 16 slots and transform them again. Otherwise it draws one scalar sample per
 * element (normal_distribution<double>, which uses and refills the generator's cache).
 * Pass `contiguous: false` for a strided tensor; `out` is then filled in iteration order.
 */
export function normal_(
  out: FloatArray,
  mean = 0,
  std = 1,
  gen: Generator = defaultGenerator,
  contiguous = true,
): FloatArray {
  if (!(std >= 0)) throw new RangeError(`normal expects std >= 0.0, but found std ${std}`);
  const n = out.length;
  if (n < 16 || !contiguous) {
    const isF32 = out instanceof Float32Array;
    for (let i = 0; i < n; i++) {
      const v = normalScalar(gen, mean, std);
      out[i] = isF32 ? f(v) : v;
    }
    return out;
  }
  if (out instanceof Float32Array) {
    const m = f(mean);
    const s = f(std);
    const sc = new Float32Array(2);
    for (let i = 0; i < n; i++) out[i] = uniformFloat32(gen);
    for (let i = 0; i + 16 <= n; i += 16) boxMuller16Float32(out, i, m, s, sc);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = uniformFloat32(gen);
      boxMuller16Float32(out, n - 16, m, s, sc);
    }
  } else {
    for (let i = 0; i < n; i++) out[i] = uniformFloat64(gen);
    for (let i = 0; i + 16 <= n; i += 16) boxMuller16Float64(out, i, mean, std);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = uniformFloat64(gen);
      boxMuller16Float64(out, n - 16, mean, std);
    }
  }
  return out;
}

/** `Tensor.bernoulli_(p)` with a scalar p: 1 where a 53-bit uniform is below p. */
export function bernoulli_(
  out: FloatArray,
  p = 0.5,
  gen: Generator = defaultGenerator,
): FloatArray {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
  for (let i = 0; i < out.length; i++) out[i] = uniformFloat64(gen) < p ? 1 : 0;
  return out;
}

/** `Tensor.exponential_(lambd)`: -1/lambd * log(1 - u) on a 53-bit uniform, cast to the dtype. */
export function exponential_(
  out: FloatArray,
  lambd = 1,
  gen: Generator = defaultGenerator,
): FloatArray {
  if (!(lambd >= 0))
    throw new RangeError(`exponential_ expects lambda >= 0.0, but found lambda=${lambd}`);
  const isF32 = out instanceof Float32Array;
  const scale = -1 / lambd;
  for (let i = 0; i < out.length; i++) {
    const v = scale * Math.log(1 - uniformFloat64(gen));
    out[i] = isF32 ? f(v) : v;
  }
  return out;
}
