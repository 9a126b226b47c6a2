// The one table of elementwise kernels: each entry's scalar math (for the CPU loop), its WGSL
// expression (for the WebGPU generator) and its dtype rule. Pure data: no tensors, no autograd;
// ops/ adds the differentiation rules beside the public functions.

/**
 * How an op picks its computation and result dtypes from the promoted input dtype:
 * - "same": compute and return in the promoted dtype (add, mul, neg, abs).
 * - "float": integer inputs are promoted to the default float (sqrt, exp, div).
 * - "bool": compute in the promoted dtype, return bool (comparisons, isnan).
 * - "logical": inputs read as truthiness, result bool (logical_and, logical_not).
 */
export type DtypeRule = "same" | "float" | "bool" | "logical";

export interface UnaryDef {
  readonly rule: DtypeRule;
  /** Scalar math on the computation dtype's values; `p` holds the op's scalar parameters. */
  readonly cpu: (x: number, p: readonly number[]) => number;
  /**
   * WGSL expression over `x` (and `p0`, `p1` for parameters), computed in f32. `tl_*` functions
   * come from the WebGPU math prelude (backend/webgpu/kernels-math.ts).
   */
  readonly wgsl: string;
  /** WGSL on i32 values, where the integer op differs from the f32 one (integer pow). */
  readonly wgslInt?: string;
  /** Not defined on bool inputs (PyTorch raises, e.g. for neg). */
  readonly noBool?: boolean;
  /** Defined on floating inputs only (frac): integer and bool inputs raise. */
  readonly floatOnly?: boolean;
  /** ATen's kernel name in its "not implemented for 'Bool'" error, when it is not the op's. */
  readonly kernel?: string;
}

export interface BinaryDef {
  readonly rule: DtypeRule;
  readonly cpu: (a: number, b: number) => number;
  readonly wgsl: string;
  readonly wgslInt?: string;
}

/** Round half to even, as C's nearbyint (torch.round). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Floor division as ATen's div_floor_floating: floor of the exact quotient (a - fmod(a, b)) / b,
 * so an infinite or nan dividend gives nan (fmod(inf, b) is nan) where floor(a / b) gives inf.
 * On integers it is exact as well (fmod of integers is exact).
 */
export function floorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

const TWO_POW_53 = 2 ** 53;

/**
 * Integer power that wraps to `bits` bits like C's integer multiplication (torch.pow on int32 and
 * int64). Exact while |result| <= 2^53; past that it is computed exactly in BigInt modulo 2^bits,
 * and an int64 result then holds the nearest double, because int64 lives in a Float64Array
 * (see core/dtype.ts). Callers reject negative exponents, as PyTorch does.
 */
export function intPow(a: number, b: number, bits: number): number {
  if (a === 0) return b === 0 ? 1 : 0;
  if (a === 1) return 1;
  if (a === -1) return Math.abs(b) % 2 === 0 ? 1 : -1;
  if (b < 0) return 0; // 1 / a^|b| truncates to 0 for |a| >= 2
  let r = 1;
  for (let i = 0; i < b && Math.abs(r) <= TWO_POW_53; i++) r *= a;
  if (Math.abs(r) <= TWO_POW_53) return r;
  let acc = 1n;
  let base = BigInt.asIntN(bits, BigInt(a));
  let e = BigInt(b);
  while (e > 0n) {
    if (e & 1n) acc = BigInt.asIntN(bits, acc * base);
    base = BigInt.asIntN(bits, base * base);
    e >>= 1n;
  }
  return Number(acc);
}

/** Python's modulo: the result takes the divisor's sign (torch.remainder). */
export function pyRemainder(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && b < 0 !== m < 0 ? m + b : m;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export const UNARY: Record<string, UnaryDef> = {
  // ~x for integers; bool tensors are sent to logical_not by the ops layer.
  bitwise_not: { rule: "same", cpu: (x) => -x - 1, wgsl: "-x - 1.0" },
  neg: { rule: "same", cpu: (x) => -x, wgsl: "-x", noBool: true },
  abs: { rule: "same", cpu: (x) => Math.abs(x), wgsl: "abs(x)", noBool: true, kernel: "abs_cpu" },
  // PyTorch 1.13 gives sign(nan) = 0.
  sign: { rule: "same", cpu: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), wgsl: "sign(x)" },
  square: { rule: "same", cpu: (x) => x * x, wgsl: "x * x" },
  exp: { rule: "float", cpu: Math.exp, wgsl: "tl_exp(x)" },
  expm1: { rule: "float", cpu: Math.expm1, wgsl: "tl_expm1(x)" },
  log: { rule: "float", cpu: Math.log, wgsl: "tl_log(x)" },
  log2: { rule: "float", cpu: Math.log2, wgsl: "tl_log(x) * 1.4426950408889634" },
  log10: { rule: "float", cpu: Math.log10, wgsl: "tl_log(x) * 0.4342944819032518" },
  log1p: { rule: "float", cpu: Math.log1p, wgsl: "tl_log1p(x)" },
  sqrt: { rule: "float", cpu: Math.sqrt, wgsl: "sqrt(x)" },
  rsqrt: { rule: "float", cpu: (x) => 1 / Math.sqrt(x), wgsl: "inverseSqrt(x)" },
  reciprocal: { rule: "float", cpu: (x) => 1 / x, wgsl: "1.0 / x" },
  sin: { rule: "float", cpu: Math.sin, wgsl: "tl_sin(x)" },
  cos: { rule: "float", cpu: Math.cos, wgsl: "tl_cos(x)" },
  tan: { rule: "float", cpu: Math.tan, wgsl: "tl_sin(x) / tl_cos(x)" },
  asin: { rule: "float", cpu: Math.asin, wgsl: "asin(x)" },
  acos: { rule: "float", cpu: Math.acos, wgsl: "tl_acos(x)" },
  atan: { rule: "float", cpu: Math.atan, wgsl: "atan(x)" },
  sinh: { rule: "float", cpu: Math.sinh, wgsl: "sinh(x)" },
  cosh: { rule: "float", cpu: Math.cosh, wgsl: "(tl_exp(x) + tl_exp(-x)) * 0.5" },
  tanh: {
    rule: "float",
    cpu: Math.tanh,
    wgsl: "select(select(tanh(x), sign(x), abs(x) > 10.0), x, tl_isnan(x))",
  },
  sigmoid: { rule: "float", cpu: sigmoid, wgsl: "1.0 / (1.0 + tl_exp(-x))" },
  relu: {
    rule: "same",
    cpu: (x) => (x > 0 ? x : x !== x ? x : 0),
    wgsl: "select(max(x, 0.0), x, tl_isnan(x))",
    noBool: true,
  },
  floor: { rule: "same", cpu: Math.floor, wgsl: "floor(x)", noBool: true, kernel: "floor_vml_cpu" },
  ceil: { rule: "same", cpu: Math.ceil, wgsl: "ceil(x)", noBool: true, kernel: "ceil_vml_cpu" },
  trunc: { rule: "same", cpu: Math.trunc, wgsl: "trunc(x)", noBool: true, kernel: "trunc_vml_cpu" },
  round: {
    rule: "same",
    cpu: roundHalfEven,
    wgsl: "round(x)",
    noBool: true,
    kernel: "round_vml_cpu",
  },
  frac: {
    rule: "same",
    cpu: (x) => x - Math.trunc(x),
    wgsl: "x - trunc(x)",
    floatOnly: true,
    kernel: "frac_cpu",
  },
  logical_not: {
    rule: "logical",
    cpu: (x) => (x === 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, !tl_nonzero(x))",
  },
  isnan: { rule: "bool", cpu: (x) => (x !== x ? 1 : 0), wgsl: "select(0.0, 1.0, tl_isnan(x))" },
  isinf: {
    rule: "bool",
    cpu: (x) => (x === Infinity || x === -Infinity ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_isinf(x))",
  },
  isfinite: {
    rule: "bool",
    cpu: (x) => (Number.isFinite(x) ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_isfinite(x))",
  },
  // Parameterised ops: p[0], p[1].
  clamp: {
    rule: "same",
    cpu: (x, p) => (x !== x ? x : Math.min(Math.max(x, p[0] as number), p[1] as number)),
    wgsl: "select(min(max(x, p0), p1), x, tl_isnan(x))",
  },
  pow_scalar: { rule: "same", cpu: (x, p) => x ** (p[0] as number), wgsl: "tl_pow(x, p0)" },
  // Integer tensor to an integer exponent p0, wrapping to p1 bits (32 or 64).
  pow_scalar_int: {
    rule: "same",
    cpu: (x, p) => intPow(x, p[0] as number, p[1] as number),
    wgsl: "tl_pow(x, p0)",
    wgslInt: "tl_ipow(x, i32(p0))",
  },
  rpow_scalar: { rule: "same", cpu: (x, p) => (p[0] as number) ** x, wgsl: "tl_pow(p0, x)" },
  leaky_relu: {
    rule: "float",
    cpu: (x, p) => (x > 0 ? x : x * (p[0] as number)),
    wgsl: "select(x * p0, x, x > 0.0)",
  },
  softplus: {
    // beta = p0, threshold = p1: linear above threshold for stability, as PyTorch.
    rule: "float",
    cpu: (x, p) =>
      x * (p[0] as number) > (p[1] as number)
        ? x
        : Math.log1p(Math.exp(x * (p[0] as number))) / (p[0] as number),
    wgsl: "select(tl_log1p(tl_exp(x * p0)) / p0, x, x * p0 > p1)",
  },
  silu: { rule: "float", cpu: (x) => x * sigmoid(x), wgsl: "x / (1.0 + tl_exp(-x))" },
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const fitsInt32 = (x: number): boolean => x >= INT32_MIN && x <= INT32_MAX;

/**
 * Two's-complement bitwise ops on integer values (int64 is held in a double): JS's 32-bit
 * operators when both fit, BigInt otherwise. Bools are 0/1, so these are also logical ops there.
 */
function bitwise(op: "and" | "or" | "xor"): (a: number, b: number) => number {
  return (a, b) => {
    if (fitsInt32(a) && fitsInt32(b)) return op === "and" ? a & b : op === "or" ? a | b : a ^ b;
    const x = BigInt(a);
    const y = BigInt(b);
    return Number(BigInt.asIntN(64, op === "and" ? x & y : op === "or" ? x | y : x ^ y));
  };
}

export const BINARY: Record<string, BinaryDef> = {
  add: { rule: "same", cpu: (a, b) => a + b, wgsl: "a + b" },
  sub: { rule: "same", cpu: (a, b) => a - b, wgsl: "a - b" },
  mul: { rule: "same", cpu: (a, b) => a * b, wgsl: "a * b" },
  div: { rule: "float", cpu: (a, b) => a / b, wgsl: "a / b" },
  floor_divide: { rule: "same", cpu: floorDivide, wgsl: "tl_floordiv_f(a, b)" },
  remainder: { rule: "same", cpu: pyRemainder, wgsl: "a - floor(a / b) * b" },
  fmod: { rule: "same", cpu: (a, b) => a % b, wgsl: "tl_fmod(a, b)" },
  pow: { rule: "same", cpu: (a, b) => a ** b, wgsl: "tl_pow(a, b)" },
  // Integer pow wraps like C: one entry per width, as the kernel cannot see the dtype.
  pow_int32: {
    rule: "same",
    cpu: (a, b) => intPow(a, b, 32),
    wgsl: "tl_pow(a, b)",
    wgslInt: "tl_ipow(a, b)",
  },
  // On WebGPU int64 lives as i32, so its pow wraps at 32 bits there.
  pow_int64: {
    rule: "same",
    cpu: (a, b) => intPow(a, b, 64),
    wgsl: "tl_pow(a, b)",
    wgslInt: "tl_ipow(a, b)",
  },
  maximum: {
    rule: "same",
    cpu: (a, b) => (a !== a || b !== b ? Number.NaN : Math.max(a, b)),
    wgsl: "select(max(a, b), tl_nan(), tl_isnan(a) || tl_isnan(b))",
  },
  minimum: {
    rule: "same",
    cpu: (a, b) => (a !== a || b !== b ? Number.NaN : Math.min(a, b)),
    wgsl: "select(min(a, b), tl_nan(), tl_isnan(a) || tl_isnan(b))",
  },
  atan2: { rule: "float", cpu: Math.atan2, wgsl: "atan2(a, b)" },
  eq: { rule: "bool", cpu: (a, b) => (a === b ? 1 : 0), wgsl: "select(0.0, 1.0, a == b)" },
  ne: { rule: "bool", cpu: (a, b) => (a !== b ? 1 : 0), wgsl: "select(0.0, 1.0, !(a == b))" },
  lt: { rule: "bool", cpu: (a, b) => (a < b ? 1 : 0), wgsl: "select(0.0, 1.0, a < b)" },
  le: { rule: "bool", cpu: (a, b) => (a <= b ? 1 : 0), wgsl: "select(0.0, 1.0, a <= b)" },
  gt: { rule: "bool", cpu: (a, b) => (a > b ? 1 : 0), wgsl: "select(0.0, 1.0, a > b)" },
  ge: { rule: "bool", cpu: (a, b) => (a >= b ? 1 : 0), wgsl: "select(0.0, 1.0, a >= b)" },
  logical_and: {
    rule: "logical",
    cpu: (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) && tl_nonzero(b))",
  },
  logical_or: {
    rule: "logical",
    cpu: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) || tl_nonzero(b))",
  },
  logical_xor: {
    rule: "logical",
    cpu: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) != tl_nonzero(b))",
  },
  // Integer and bool only (the ops layer rejects floats); the f32 WGSL form serves bools.
  bitwise_and: {
    rule: "same",
    cpu: bitwise("and"),
    wgsl: "select(0.0, 1.0, a != 0.0 && b != 0.0)",
  },
  bitwise_or: { rule: "same", cpu: bitwise("or"), wgsl: "select(0.0, 1.0, a != 0.0 || b != 0.0)" },
  bitwise_xor: {
    rule: "same",
    cpu: bitwise("xor"),
    wgsl: "select(0.0, 1.0, (a != 0.0) != (b != 0.0))",
  },
};
