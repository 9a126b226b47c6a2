// Python's text for numbers: repr(float), str(int), and the format specs that
// PyTorch's tensor printer uses ('.4f', '.4e', '10.4e', '.0f', '').
// Output must be byte-identical to CPython 3.11: shortest round-trip repr,
// round-half-even on exact ties, two-digit exponents. No tensor logic here.

import { exactFixed, exactScientific, isHalfwayAt } from "./exact-decimal.ts";

/** Shortest round-trip digits of |x| (finite, nonzero): value = 0.digits * 10**decpt. */
function shortestDigits(x: number): { digits: string; decpt: number } {
  // Number#toString gives the shortest round-trip digits, ties to the closest
  // (and then even) candidate, like CPython's dtoa mode 0; only the layout differs.
  const s = String(Math.abs(x));
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const all = intPart + (dot < 0 ? "" : mantissa.slice(dot + 1));
  let decpt = intPart.length + exp;
  let start = 0;
  while (start < all.length - 1 && all[start] === "0") {
    start += 1;
    decpt -= 1;
  }
  let end = all.length;
  while (end > start + 1 && all[end - 1] === "0") end -= 1;
  return { digits: all.slice(start, end), decpt };
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return "nan"; // CPython never prints a sign on nan
  return x > 0 ? "inf" : "-inf";
}

/** Python's exponent suffix: at least two digits, always signed ("e-05", "e+16"). */
function exponentSuffix(exponent: number): string {
  const sign = exponent < 0 ? "-" : "+";
  return `e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

/** Python's repr(float) (and str(float)): e.g. "0.1", "100.0", "1e-05", "1e+16", "-0.0", "inf". */
export function pyRepr(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return `${signOf(x)}0.0`;
  const { digits, decpt } = shortestDigits(x);
  const sign = signOf(x);
  // CPython's 'r' mode switches to exponent form outside 1e-4 <= |x| < 1e16.
  if (decpt <= -4 || decpt > 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${rest}${exponentSuffix(decpt - 1)}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Python's str(float); identical to repr in Python 3. */
export const pyStr: (x: number) => string = pyRepr;

/** Python's str(int) for an integer held in a number or bigint (never exponent form). */
export function pyIntStr(n: number | bigint): string {
  if (typeof n === "bigint") return n.toString();
  if (!Number.isInteger(n)) throw new RangeError(`pyIntStr: ${n} is not an integer`);
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** Python's format(x, '.{precision}f'): fixed point, rounded half to even. */
export function formatFixed(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const a = Math.abs(x);
  let body: string;
  if (a === 0) {
    body = precision === 0 ? "0" : `0.${"0".repeat(precision)}`;
  } else if (a < 1e21 && precision <= 100 && !isHalfwayAt(a, precision)) {
    body = a.toFixed(precision); // correctly rounded, and not a tie
  } else {
    body = exactFixed(a, precision);
  }
  return signOf(x) + body;
}

/** Python's format(x, '.{precision}e'): e.g. "1.2346e+03", "-5.0000e-05". */
export function formatExponent(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const a = Math.abs(x);
  let mantissa: string;
  let exponent: number;
  if (a === 0) {
    mantissa = "0".repeat(precision + 1);
    exponent = 0;
  } else {
    const fast = precision <= 100 ? a.toExponential(precision) : "";
    const e = fast.indexOf("e");
    const e0 = Number(fast.slice(e + 1));
    // A tie sits at the scale of the true exponent, which is e0 or e0 - 1
    // when toExponential rounded up to the next power of ten.
    if (fast !== "" && !isHalfwayAt(a, precision - e0) && !isHalfwayAt(a, precision - e0 + 1)) {
      mantissa = fast.slice(0, e).replace(".", "");
      exponent = e0;
    } else {
      ({ mantissa, exponent } = exactScientific(a, precision));
    }
  }
  const frac = precision > 0 ? `.${mantissa.slice(1)}` : "";
  return `${signOf(x)}${mantissa[0]}${frac}${exponentSuffix(exponent)}`;
}

/** The subset of Python's format-spec mini-language that PyTorch's printer uses. */
export interface PyFormatSpec {
  /** Minimum width; shorter results are right-aligned with spaces. Default 0. */
  width?: number;
  /** Digits after the point. Default 6 for 'f' and 'e' (as Python). */
  precision?: number;
  /** 'f' fixed, 'e' exponent, '' = str(x). Default ''. */
  type?: "f" | "e" | "";
}

const SPEC_RE = /^(\d+)?(?:\.(\d+))?([ef]?)$/;

/** Parses "[width][.precision][e|f]", e.g. ".4f", "10.4e", ".0f" or "". */
export function parsePyFormatSpec(spec: string): PyFormatSpec {
  const m = SPEC_RE.exec(spec);
  if (m === null) throw new RangeError(`unsupported format spec '${spec}'`);
  const type = (m[3] ?? "") as "f" | "e" | "";
  if (m[2] !== undefined && type === "") {
    throw new RangeError(`unsupported format spec '${spec}' (precision needs 'f' or 'e')`);
  }
  return {
    width: m[1] === undefined ? 0 : Number(m[1]),
    precision: m[2] === undefined ? 6 : Number(m[2]),
    type,
  };
}

/** Python's format(x, spec) for a float: `pyFormat(1.03125, ".4f") === "1.0312"`. */
export function pyFormat(x: number, spec: string | PyFormatSpec): string {
  const s = typeof spec === "string" ? parsePyFormatSpec(spec) : spec;
  const precision = s.precision ?? 6;
  let out: string;
  if (s.type === "f") out = formatFixed(x, precision);
  else if (s.type === "e") out = formatExponent(x, precision);
  else out = pyRepr(x);
  return out.padStart(s.width ?? 0, " ");
}
