// Integer draws as PyTorch 1.13's CPU kernels make them: Tensor.random_() with no
// bounds, random_(to) / random_(from, to) / torch.randint (modulo of a 32-bit draw,
// or of a 64-bit draw once the range reaches 2^32), and randperm's Fisher-Yates.
// Results go into typed arrays chosen by the tensor core; int64 lives in BigInt64Array.

import { int64ToFloat32 } from "./float-ops.ts";
import { defaultGenerator, type Generator } from "./generator.ts";

/** Outputs the integer kernels can fill: float32, float64, int64, int32, bool (0/1 bytes). */
export type RandomTarget = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array;

const TWO_POW_32 = 4294967296;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Writes one int64 value into `out[i]` the way static_cast<T>(int64_t) converts it. */
function store(out: RandomTarget, i: number, v: bigint | number): void {
  if (out instanceof BigInt64Array) out[i] = typeof v === "bigint" ? v : BigInt(v);
  else if (out instanceof Float32Array) out[i] = typeof v === "bigint" ? int64ToFloat32(v) : v;
  else if (out instanceof Float64Array)
    out[i] = Number(v); // |v| < 2^53 here, or rounded once
  else if (out instanceof Int32Array) out[i] = Number(BigInt.asIntN(32, BigInt(v)));
  else out[i] = v === 0 || v === 0n ? 0 : 1;
}

/**
 * `Tensor.random_()` with no bounds (uniform_int_distribution): bool takes the low bit
 * of a 32-bit draw, int32 a 32-bit draw mod 2^31, int64 a 64-bit draw mod 2^63,
 * float32 a 32-bit draw mod (2^24 + 1), float64 a 64-bit draw mod (2^53 + 1).
 * DataLoader draws its seeds this way from a 0-d int64 tensor.
 */
export function random_(out: RandomTarget, gen: Generator = defaultGenerator): RandomTarget {
  const n = out.length;
  if (out instanceof BigInt64Array) {
    for (let i = 0; i < n; i++) out[i] = randomInt64(gen);
  } else if (out instanceof Float64Array) {
    for (let i = 0; i < n; i++) out[i] = Number(gen.random64() % 9007199254740993n);
  } else if (out instanceof Float32Array) {
    for (let i = 0; i < n; i++) out[i] = gen.random() % 16777217;
  } else if (out instanceof Int32Array) {
    for (let i = 0; i < n; i++) out[i] = gen.random() & 0x7fffffff;
  } else {
    for (let i = 0; i < n; i++) out[i] = gen.random() & 1;
  }
  return out;
}

/** One `torch.empty((), dtype=torch.int64).random_()` draw: a 64-bit draw mod 2^63. */
export function randomInt64(gen: Generator = defaultGenerator): bigint {
  const hi = gen.random() & 0x7fffffff;
  const lo = gen.random();
  return (BigInt(hi) << 32n) | BigInt(lo);
}

function isFloatTarget(out: RandomTarget): out is Float32Array | Float64Array {
  return out instanceof Float32Array || out instanceof Float64Array;
}

/** Mantissa digits of a float target (std::numeric_limits<T>::digits). */
function digitsOf(out: Float32Array | Float64Array): bigint {
  return out instanceof Float32Array ? 24n : 53n;
}

function castToFloat(out: Float32Array | Float64Array, v: bigint): bigint {
  const x = out instanceof Float32Array ? int64ToFloat32(v) : Number(v);
  return BigInt(x);
}

function bitLength(v: bigint): bigint {
  let n = 0n;
  for (let x = v; x > 1n; x >>= 1n) n++;
  return n;
}

/** update_from: nudges `from` up so that it survives the cast to the float dtype. */
function updateFrom(out: Float32Array | Float64Array, from: bigint): bigint {
  const fromPlus1 = castToFloat(out, from + 1n);
  if (fromPlus1 < from) {
    const n = bitLength(from + 1n < 0n ? -(from + 1n) : from + 1n);
    return fromPlus1 + (1n << (n - digitsOf(out) + 1n));
  }
  return from;
}

/** update_to: nudges `to` down so that `to - 1` survives the cast to the float dtype. */
function updateTo(out: Float32Array | Float64Array, to: bigint): bigint {
  const toMinus1 = castToFloat(out, to - 1n);
  if (toMinus1 >= to) {
    const n = bitLength(to - 1n < 0n ? -(to - 1n) : to - 1n);
    return toMinus1 - (1n << (n - digitsOf(out) + 1n));
  }
  return to;
}

/** Largest value `to - 1` may take for the target (to_inc when `to` is omitted). */
function maxInclusive(out: RandomTarget): bigint {
  if (out instanceof Float32Array) return 1n << 24n;
  if (out instanceof Float64Array) return 1n << 53n;
  if (out instanceof BigInt64Array) return INT64_MAX;
  if (out instanceof Int32Array) return 2147483647n;
  return 1n;
}

function minInclusive(out: RandomTarget): bigint {
  if (out instanceof Float32Array) return -BigInt(Math.fround(3.4028234663852886e38));
  if (out instanceof Float64Array) return -BigInt(Number.MAX_VALUE);
  if (out instanceof BigInt64Array) return INT64_MIN;
  if (out instanceof Int32Array) return -2147483648n;
  return 0n;
}

/**
 * `Tensor.random_(from, to)` and `torch.randint(low, high, size)`: (draw % range) + from
 * with range = to - from; the draw is 64-bit when range >= 2^32 (int64/float targets),
 * else 32-bit. `to = null` means "up to the dtype's maximum" (`random_(from)`); use
 * from = 0 for `random_(to)`. `from = -2^63, to = null` draws the full int64 range.
 */
export function randomFromTo_(
  out: RandomTarget,
  fromIn: number | bigint,
  toIn: number | bigint | null,
  gen: Generator = defaultGenerator,
): RandomTarget {
  let from = BigInt(fromIn);
  let range: bigint;
  if (toIn !== null) {
    let to = BigInt(toIn);
    if (from >= to) {
      throw new RangeError(
        `random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`,
      );
    }
    if (isFloatTarget(out)) {
      from = updateFrom(out, from);
      to = updateTo(out, to);
    }
    checkBounds(out, from, to - 1n);
    range = to - from;
  } else if (from !== INT64_MIN) {
    if (isFloatTarget(out)) from = updateFrom(out, from);
    const toInc = maxInclusive(out);
    checkBounds(out, from, toInc);
    range = toInc - from + 1n;
  } else {
    // random_full_64_bits_range: the 64-bit draw reinterpreted as int64.
    for (let i = 0; i < out.length; i++) store(out, i, BigInt.asIntN(64, gen.random64()));
    return out;
  }
  fillFromTo(out, range, from, gen);
  return out;
}

function checkBounds(out: RandomTarget, from: bigint, toInc: bigint): void {
  const lo = minInclusive(out);
  const hi = out instanceof Float32Array || out instanceof Float64Array ? -lo : maxInclusive(out);
  if (from < lo || from > hi) throw new RangeError(`from is out of bounds for ${dtypeName(out)}`);
  if (toInc < lo || toInc > hi)
    throw new RangeError(`to - 1 is out of bounds for ${dtypeName(out)}`);
}

function dtypeName(out: RandomTarget): string {
  if (out instanceof Float32Array) return "float";
  if (out instanceof Float64Array) return "double";
  if (out instanceof BigInt64Array) return "long int";
  if (out instanceof Int32Array) return "int";
  return "bool";
}

function fillFromTo(out: RandomTarget, range: bigint, base: bigint, gen: Generator): void {
  const n = out.length;
  const wide = range >= 1n << 32n && !(out instanceof Int32Array) && !(out instanceof Uint8Array);
  if (wide) {
    for (let i = 0; i < n; i++) store(out, i, BigInt.asIntN(64, (gen.random64() % range) + base));
    return;
  }
  const r = Number(range);
  const b = Number(base);
  if (Number.isSafeInteger(b) && Number.isSafeInteger(b + r)) {
    // Fast path: everything fits in a double exactly.
    if (out instanceof BigInt64Array) {
      for (let i = 0; i < n; i++) out[i] = BigInt((gen.random() % r) + b);
    } else if (out instanceof Uint8Array) {
      for (let i = 0; i < n; i++) out[i] = (gen.random() % r) + b === 0 ? 0 : 1;
    } else {
      for (let i = 0; i < n; i++) out[i] = (gen.random() % r) + b;
    }
    return;
  }
  for (let i = 0; i < n; i++) store(out, i, BigInt.asIntN(64, BigInt(gen.random() % r) + base));
}

/**
 * `torch.randperm(n)` on the CPU: the identity, then for i in 0..n-2 swap slot i with
 * slot i + (random() % (n - i)). Consumes max(n - 1, 0) 32-bit draws. Returns int64.
 */
export function randperm(n: number, gen: Generator = defaultGenerator): BigInt64Array {
  const perm = randpermNumbers(n, gen);
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) out[i] = BigInt(perm[i] as number);
  return out;
}

/** randperm as plain numbers (what samplers and index lists want). */
export function randpermNumbers(n: number, gen: Generator = defaultGenerator): number[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be non-negative, got ${n}`);
  if (n >= TWO_POW_32 / 20) throw new RangeError("randperm of n >= 2^32/20 is not supported");
  const r = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const z = gen.random() % (n - i);
    const save = r[i] as number;
    r[i] = r[z + i] as number;
    r[z + i] = save;
  }
  return r;
}
