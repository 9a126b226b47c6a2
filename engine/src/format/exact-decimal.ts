// Exact decimal arithmetic on IEEE doubles for Python-compatible formatting.
// JavaScript's toFixed/toExponential are correctly rounded except on exact ties,
// where they round away from zero; Python (like C's printf) rounds half to even.
// This module finds those ties cheaply and, when needed, rounds from the exact
// decimal expansion. It knows nothing about format specs or tensors.

/** A finite, nonzero |x| written as `odd * 2 ** exp2` (odd < 2**53). */
export interface BinaryParts {
  odd: number;
  exp2: number;
}

const view = new DataView(new ArrayBuffer(8));

/** Splits |x| (finite, nonzero) into an odd integer mantissa and a power of two. */
export function binaryParts(x: number): BinaryParts {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const field = (hi >>> 20) & 0x7ff;
  let odd = (hi & 0xfffff) * 2 ** 32 + lo;
  let exp2: number;
  if (field === 0) {
    exp2 = -1074; // subnormal: no implicit leading bit
  } else {
    odd += 2 ** 52;
    exp2 = field - 1075;
  }
  // Strip trailing zero bits; every step is exact because odd < 2**53.
  while (odd % 2 === 0) {
    odd /= 2;
    exp2 += 1;
  }
  return { odd, exp2 };
}

/**
 * True when |x| * 10**k is exactly an integer plus one half, i.e. when rounding
 * at that decimal position is a tie. `x` must be finite and nonzero.
 */
export function isHalfwayAt(x: number, k: number): boolean {
  const { odd, exp2 } = binaryParts(x);
  if (k >= 0) {
    // |x| * 10^k = odd * 5^k * 2^(exp2 + k), with odd * 5^k odd.
    return exp2 + k === -1;
  }
  // |x| / 10^j = odd * 2^(exp2 - j) / 5^j: 5^j must divide odd, and odd < 5^23.
  const j = -k;
  if (j > 22 || exp2 - j !== -1) return false;
  return odd % 5 ** j === 0;
}

/** The exact value of |x| as `digits * 10 ** exp10` (digits without leading zeros). */
export interface ExactDecimal {
  digits: string;
  exp10: number;
}

/** Exact decimal expansion of |x| for finite x; zero gives digits "0". */
export function exactDecimal(x: number): ExactDecimal {
  if (x === 0) return { digits: "0", exp10: 0 };
  const { odd, exp2 } = binaryParts(x);
  if (exp2 >= 0) {
    return { digits: (BigInt(odd) << BigInt(exp2)).toString(), exp10: 0 };
  }
  // odd * 2^-n = odd * 5^n / 10^n
  const scaled = BigInt(odd) * 5n ** BigInt(-exp2);
  return { digits: scaled.toString(), exp10: exp2 };
}

/**
 * Keeps the first `keep` digits of the integer string `digits`, rounding the
 * dropped tail half to even. `keep` may be <= 0 (everything dropped) or larger
 * than the string (nothing dropped). Returns the kept integer as a string,
 * which may be one digit longer than `keep` after a carry (e.g. 999 -> 1000).
 */
export function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits;
  if (keep < 0) return "0"; // the value is below 0.1 of the last kept unit
  const head = keep === 0 ? "0" : digits.slice(0, keep);
  const first = digits.charCodeAt(keep) - 48;
  let roundUp: boolean;
  if (first !== 5) {
    roundUp = first > 5;
  } else if (/[1-9]/.test(digits.slice(keep + 1))) {
    roundUp = true;
  } else {
    const last = head.charCodeAt(head.length - 1) - 48;
    roundUp = last % 2 === 1; // exact tie: round to even
  }
  return roundUp ? (BigInt(head) + 1n).toString() : head;
}

/** |x| rounded half-even to `precision` decimals, as "int.frac" (no sign). */
export function exactFixed(x: number, precision: number): string {
  const { digits, exp10 } = exactDecimal(x);
  const shift = exp10 + precision;
  let n: string;
  if (shift >= 0) {
    n = digits === "0" ? "0" : digits + "0".repeat(shift);
  } else {
    n = roundDigits(digits, digits.length + shift);
  }
  if (precision === 0) return n;
  n = n.padStart(precision + 1, "0");
  return `${n.slice(0, n.length - precision)}.${n.slice(n.length - precision)}`;
}

/** Mantissa digits and decimal exponent of |x| rounded half-even to `precision` decimals in scientific form. */
export interface Scientific {
  mantissa: string;
  exponent: number;
}

/** |x| in scientific form with `precision + 1` significant digits, rounded half-even. */
export function exactScientific(x: number, precision: number): Scientific {
  const { digits, exp10 } = exactDecimal(x);
  if (digits === "0") return { mantissa: "0".repeat(precision + 1), exponent: 0 };
  let exponent = digits.length - 1 + exp10;
  let kept = roundDigits(digits, precision + 1);
  if (kept.length > precision + 1) {
    // A carry added a digit (9.99.. -> 10.0..): drop a trailing zero, bump the exponent.
    kept = kept.slice(0, precision + 1);
    exponent += 1;
  }
  return { mantissa: kept.padEnd(precision + 1, "0"), exponent };
}
