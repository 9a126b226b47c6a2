// The one table of elementwise kernels: each entry's scalar math (for the CPU loop), its WGSL
// expressions (f32, and i32 where integers compute differently), its dtype rule and how PyTorch
// code reaches it (`api`). Pure data: no tensors, no autograd. ops/elementwise.ts adds one
// gradient rule per entry (the compiler refuses a missing one), tensor-math.ts makes the
// methods, and ops/op-manifest.ts exports the whole as the manifest that the Python package
// and the fixture generator read: adding an op means an entry here, its gradient and a fixture.

import { sleefExpf, sleefLogf, sleefSigmoidf } from "./sleef.ts";

/** x ** e for float64 as PyTorch's CPU computes it (pow_tensor_scalar_kernel). */
function powScalarF64(x: number, e: number): number {
  if (e === 0.5) return Math.sqrt(x);
  if (e === -0.5) return 1 / Math.sqrt(x);
  if (e === -1) return 1 / x;
  if (e === 2) return x * x;
  if (e === 3) return x * x * x;
  if (e === -2) return 1 / (x * x);
  return x ** e;
}

/** The same in float32: each operation rounded to float32. */
function powScalarF32(x: number, e: number): number {
  const f = Math.fround;
  if (e === 0.5) return f(Math.sqrt(x));
  if (e === -0.5) return f(1 / f(Math.sqrt(x)));
  if (e === -1) return f(1 / x);
  if (e === 2) return f(x * x);
  if (e === 3) return f(f(x * x) * x);
  if (e === -2) return f(1 / f(x * x));
  return f(x ** e);
}

/**
 * How an op picks its computation and result dtypes from the promoted input dtype:
 * - "same": compute and return in the promoted dtype (add, mul, neg, abs).
 * - "float": integer inputs are promoted to the default float (sqrt, exp, div).
 * - "bool": compute in the promoted dtype, return bool (comparisons, isnan).
 * - "logical": inputs read as truthiness, result bool (logical_and, logical_not).
 */
export type DtypeRule = "same" | "float" | "bool" | "logical";

/**
 * How PyTorch code reaches an op. An entry without `api` is a kernel the ops layer picks itself
 * (integer pow, x ** scalar, clamp's bounds): its `via` names the public op that reaches it.
 */
export interface OpApi {
  /** Tensor.name(...) and torch.name(...), generated from this table. */
  readonly method?: true;
  /** Tensor.name_(...) as well. */
  readonly inplace?: true;
  /**
   * torch.name(..., out=t): "engine" writes into t through the kernel's out= path, "copy"
   * computes the result and copies it in (where the op's dtype rule needs its own path).
   */
  readonly out?: "engine" | "copy";
  /**
   * torch.nn.functional.name(input, *params, inplace=False): the scalar parameters' keyword
   * names and defaults, in the kernel's p0, p1 order; `inplace` when PyTorch takes inplace=.
   */
  readonly functional?: {
    readonly params: readonly (readonly [string, number])[];
    readonly inplace: boolean;
  };
}

interface OpDef {
  readonly rule: DtypeRule;
  readonly api?: OpApi;
  /** For a kernel without `api`: the public op (method or function) that reaches it. */
  readonly via?: string;
  /**
   * WGSL expression, computed in f32. `tl_*` functions come from the WebGPU math prelude
   * (backend/webgpu/kernels-math.ts).
   */
  readonly wgsl: string;
  /** WGSL on i32 values, where the integer op differs from the f32 one; else integers use wgsl. */
  readonly wgslInt?: string;
}

export interface UnaryDef extends OpDef {
  /** Scalar math on the computation dtype's values; `p` holds the op's scalar parameters. */
  readonly cpu: (x: number, p: readonly number[]) => number;
  /**
   * The float32 math, where PyTorch's CPU kernel does not give the correctly rounded result
   * (SLEEF's exp and log, core/sleef.ts); `cpu` serves float64 and integers.
   */
  readonly cpuF32?: (x: number, p: readonly number[]) => number;
  /** Not defined on bool inputs (PyTorch raises, e.g. for neg). */
  readonly noBool?: boolean;
  /** Defined on floating inputs only (frac): integer and bool inputs raise. */
  readonly floatOnly?: boolean;
  /** ATen's kernel name in its "not implemented for 'Bool'" error, when it is not the op's. */
  readonly kernel?: string;
}

/** A binary op's WGSL reads `a` and `b`; a unary op's reads `x` and the parameters `p0`, `p1`. */
export interface BinaryDef extends OpDef {
  readonly cpu: (a: number, b: number) => number;
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

/** A method with an in-place form whose torch function takes out= (most ops). */
const METHOD = { method: true, inplace: true, out: "engine" } as const;
/** A method with an in-place form and no out= (relu, maximum). */
const METHOD_NO_OUT = { method: true, inplace: true } as const;

export const UNARY = {
  // ~x for integers; bool tensors are sent to logical_not by the ops layer.
  bitwise_not: { rule: "same", api: METHOD, cpu: (x) => -x - 1, wgsl: "-x - 1.0", wgslInt: "~x" },
  neg: { rule: "same", api: METHOD, cpu: (x) => -x, wgsl: "-x", wgslInt: "-x", noBool: true },
  abs: {
    rule: "same",
    api: METHOD,
    cpu: (x) => Math.abs(x),
    wgsl: "abs(x)",
    wgslInt: "abs(x)",
    noBool: true,
    kernel: "abs_cpu",
  },
  // PyTorch 1.13 gives sign(nan) = 0.
  sign: {
    rule: "same",
    api: METHOD,
    cpu: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
    wgsl: "sign(x)",
    wgslInt: "sign(x)",
  },
  // square's out= is computed and copied in: a bool input promotes to int64 first.
  square: {
    rule: "same",
    api: { ...METHOD, out: "copy" },
    cpu: (x) => x * x,
    wgsl: "x * x",
    wgslInt: "x * x",
  },
  exp: { rule: "float", api: METHOD, cpu: Math.exp, cpuF32: sleefExpf, wgsl: "tl_exp(x)" },
  expm1: { rule: "float", api: METHOD, cpu: Math.expm1, wgsl: "tl_expm1(x)" },
  log: { rule: "float", api: METHOD, cpu: Math.log, cpuF32: sleefLogf, wgsl: "tl_log(x)" },
  log2: { rule: "float", api: METHOD, cpu: Math.log2, wgsl: "tl_log(x) * 1.4426950408889634" },
  log10: { rule: "float", api: METHOD, cpu: Math.log10, wgsl: "tl_log(x) * 0.4342944819032518" },
  log1p: { rule: "float", api: METHOD, cpu: Math.log1p, wgsl: "tl_log1p(x)" },
  sqrt: { rule: "float", api: METHOD, cpu: Math.sqrt, wgsl: "sqrt(x)" },
  rsqrt: { rule: "float", api: METHOD, cpu: (x) => 1 / Math.sqrt(x), wgsl: "inverseSqrt(x)" },
  reciprocal: { rule: "float", api: METHOD, cpu: (x) => 1 / x, wgsl: "1.0 / x" },
  sin: { rule: "float", api: METHOD, cpu: Math.sin, wgsl: "tl_sin(x)" },
  cos: { rule: "float", api: METHOD, cpu: Math.cos, wgsl: "tl_cos(x)" },
  tan: { rule: "float", api: METHOD, cpu: Math.tan, wgsl: "tl_sin(x) / tl_cos(x)" },
  asin: { rule: "float", api: METHOD, cpu: Math.asin, wgsl: "asin(x)" },
  acos: { rule: "float", api: METHOD, cpu: Math.acos, wgsl: "tl_acos(x)" },
  atan: { rule: "float", api: METHOD, cpu: Math.atan, wgsl: "atan(x)" },
  sinh: { rule: "float", api: METHOD, cpu: Math.sinh, wgsl: "sinh(x)" },
  cosh: { rule: "float", api: METHOD, cpu: Math.cosh, wgsl: "(tl_exp(x) + tl_exp(-x)) * 0.5" },
  tanh: {
    rule: "float",
    api: METHOD,
    cpu: Math.tanh,
    wgsl: "select(select(tanh(x), sign(x), abs(x) > 10.0), x, tl_isnan(x))",
  },
  sigmoid: {
    rule: "float",
    api: METHOD,
    cpu: sigmoid,
    cpuF32: sleefSigmoidf,
    wgsl: "1.0 / (1.0 + tl_exp(-x))",
  },
  relu: {
    rule: "same",
    api: METHOD_NO_OUT,
    cpu: (x) => (x > 0 ? x : x !== x ? x : 0),
    wgsl: "select(max(x, 0.0), x, tl_isnan(x))",
    wgslInt: "max(x, 0i)",
    noBool: true,
  },
  floor: {
    rule: "same",
    api: METHOD,
    cpu: Math.floor,
    wgsl: "floor(x)",
    wgslInt: "x",
    noBool: true,
    kernel: "floor_vml_cpu",
  },
  ceil: {
    rule: "same",
    api: METHOD,
    cpu: Math.ceil,
    wgsl: "ceil(x)",
    wgslInt: "x",
    noBool: true,
    kernel: "ceil_vml_cpu",
  },
  trunc: {
    rule: "same",
    api: METHOD,
    cpu: Math.trunc,
    wgsl: "trunc(x)",
    wgslInt: "x",
    noBool: true,
    kernel: "trunc_vml_cpu",
  },
  round: {
    rule: "same",
    api: METHOD,
    cpu: roundHalfEven,
    wgsl: "round(x)",
    wgslInt: "x",
    noBool: true,
    kernel: "round_vml_cpu",
  },
  frac: {
    rule: "same",
    api: METHOD,
    cpu: (x) => x - Math.trunc(x),
    wgsl: "x - trunc(x)",
    wgslInt: "0i",
    floatOnly: true,
    kernel: "frac_cpu",
  },
  logical_not: {
    rule: "logical",
    api: METHOD,
    cpu: (x) => (x === 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, !tl_nonzero(x))",
    wgslInt: "select(0i, 1i, x == 0i)",
  },
  // The is* tests have neither an in-place form nor out= in PyTorch.
  isnan: {
    rule: "bool",
    api: { method: true },
    cpu: (x) => (x !== x ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_isnan(x))",
    wgslInt: "0i",
  },
  isinf: {
    rule: "bool",
    api: { method: true },
    cpu: (x) => (x === Infinity || x === -Infinity ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_isinf(x))",
    wgslInt: "0i",
  },
  isfinite: {
    rule: "bool",
    api: { method: true },
    cpu: (x) => (Number.isFinite(x) ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_isfinite(x))",
    wgslInt: "1i",
  },
  // Parameterised ops: p[0], p[1]. clamp(min, max) has its own method (bounds may be None).
  clamp: {
    rule: "same",
    via: "clamp",
    cpu: (x, p) => (x !== x ? x : Math.min(Math.max(x, p[0] as number), p[1] as number)),
    wgsl: "select(min(max(x, p0), p1), x, tl_isnan(x))",
    wgslInt: "i32(min(max(f32(x), p0), p1))",
  },
  // x ** scalar (the exponent p0) on floating tensors.
  // PowKernel.cpp picks a formula by exponent: sqrt, 1 / sqrt, 1 / x, x * x, x * x * x,
  // 1 / (x * x), else pow (SLEEF's in its vector lanes: those last digits are not PyTorch's).
  pow_scalar: {
    rule: "same",
    via: "pow",
    cpu: (x, p) => powScalarF64(x, p[0] as number),
    cpuF32: (x, p) => powScalarF32(x, p[0] as number),
    wgsl: "tl_pow(x, p0)",
  },
  // Integer tensor to an integer exponent p0, wrapping to p1 bits (32 or 64).
  pow_scalar_int: {
    rule: "same",
    via: "pow",
    cpu: (x, p) => intPow(x, p[0] as number, p[1] as number),
    wgsl: "tl_pow(x, p0)",
    wgslInt: "tl_ipow(x, i32(p0))",
  },
  // F.silu(x) = x sigmoid(x): PyTorch has no method and no integer kernel for it.
  silu: {
    rule: "float",
    api: { functional: { params: [], inplace: true } },
    cpu: (x) => x * sigmoid(x),
    wgsl: "x / (1.0 + tl_exp(-x))",
    floatOnly: true,
    kernel: "silu_cpu",
  },
} as const satisfies Record<string, UnaryDef>;

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

export const BINARY = {
  add: { rule: "same", api: METHOD, cpu: (a, b) => a + b, wgsl: "a + b", wgslInt: "a + b" },
  sub: { rule: "same", api: METHOD, cpu: (a, b) => a - b, wgsl: "a - b", wgslInt: "a - b" },
  mul: { rule: "same", api: METHOD, cpu: (a, b) => a * b, wgsl: "a * b", wgslInt: "a * b" },
  div: { rule: "float", api: METHOD, cpu: (a, b) => a / b, wgsl: "a / b" },
  floor_divide: {
    rule: "same",
    api: METHOD,
    cpu: floorDivide,
    wgsl: "tl_floordiv_f(a, b)",
    wgslInt: "tl_floordiv(a, b)",
  },
  remainder: {
    rule: "same",
    api: METHOD,
    cpu: pyRemainder,
    wgsl: "a - floor(a / b) * b",
    wgslInt: "tl_rem(a, b)",
  },
  fmod: {
    rule: "same",
    api: METHOD,
    cpu: (a, b) => a % b,
    wgsl: "tl_fmod(a, b)",
    wgslInt: "a % b",
  },
  pow: { rule: "same", api: METHOD, cpu: (a, b) => a ** b, wgsl: "tl_pow(a, b)" },
  // Integer pow wraps like C: one entry per width, as the kernel cannot see the dtype.
  pow_int32: {
    rule: "same",
    via: "pow",
    cpu: (a, b) => intPow(a, b, 32),
    wgsl: "tl_pow(a, b)",
    wgslInt: "tl_ipow(a, b)",
  },
  // On WebGPU int64 lives as i32, so its pow wraps at 32 bits there.
  pow_int64: {
    rule: "same",
    via: "pow",
    cpu: (a, b) => intPow(a, b, 64),
    wgsl: "tl_pow(a, b)",
    wgslInt: "tl_ipow(a, b)",
  },
  // maximum and minimum have no in-place form in PyTorch.
  maximum: {
    rule: "same",
    api: { method: true, out: "engine" },
    cpu: (a, b) => (a !== a || b !== b ? Number.NaN : Math.max(a, b)),
    wgsl: "select(max(a, b), tl_nan(), tl_isnan(a) || tl_isnan(b))",
    wgslInt: "max(a, b)",
  },
  minimum: {
    rule: "same",
    api: { method: true, out: "engine" },
    cpu: (a, b) => (a !== a || b !== b ? Number.NaN : Math.min(a, b)),
    wgsl: "select(min(a, b), tl_nan(), tl_isnan(a) || tl_isnan(b))",
    wgslInt: "min(a, b)",
  },
  atan2: { rule: "float", api: METHOD, cpu: Math.atan2, wgsl: "atan2(a, b)" },
  eq: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a === b ? 1 : 0),
    wgsl: "select(0.0, 1.0, a == b)",
    wgslInt: "select(0i, 1i, a == b)",
  },
  ne: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a !== b ? 1 : 0),
    wgsl: "select(0.0, 1.0, !(a == b))",
    wgslInt: "select(0i, 1i, a != b)",
  },
  lt: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a < b ? 1 : 0),
    wgsl: "select(0.0, 1.0, a < b)",
    wgslInt: "select(0i, 1i, a < b)",
  },
  le: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a <= b ? 1 : 0),
    wgsl: "select(0.0, 1.0, a <= b)",
    wgslInt: "select(0i, 1i, a <= b)",
  },
  gt: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a > b ? 1 : 0),
    wgsl: "select(0.0, 1.0, a > b)",
    wgslInt: "select(0i, 1i, a > b)",
  },
  ge: {
    rule: "bool",
    api: METHOD,
    cpu: (a, b) => (a >= b ? 1 : 0),
    wgsl: "select(0.0, 1.0, a >= b)",
    wgslInt: "select(0i, 1i, a >= b)",
  },
  logical_and: {
    rule: "logical",
    api: METHOD,
    cpu: (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) && tl_nonzero(b))",
    wgslInt: "select(0i, 1i, a != 0i && b != 0i)",
  },
  logical_or: {
    rule: "logical",
    api: METHOD,
    cpu: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) || tl_nonzero(b))",
    wgslInt: "select(0i, 1i, a != 0i || b != 0i)",
  },
  logical_xor: {
    rule: "logical",
    api: METHOD,
    cpu: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0),
    wgsl: "select(0.0, 1.0, tl_nonzero(a) != tl_nonzero(b))",
    wgslInt: "select(0i, 1i, (a != 0i) != (b != 0i))",
  },
  // Integer and bool only (the ops layer rejects floats); the f32 WGSL form serves bools.
  bitwise_and: {
    rule: "same",
    api: METHOD,
    cpu: bitwise("and"),
    wgsl: "select(0.0, 1.0, a != 0.0 && b != 0.0)",
    wgslInt: "a & b",
  },
  bitwise_or: {
    rule: "same",
    api: METHOD,
    cpu: bitwise("or"),
    wgsl: "select(0.0, 1.0, a != 0.0 || b != 0.0)",
    wgslInt: "a | b",
  },
  bitwise_xor: {
    rule: "same",
    api: METHOD,
    cpu: bitwise("xor"),
    wgsl: "select(0.0, 1.0, (a != 0.0) != (b != 0.0))",
    wgslInt: "a ^ b",
  },
} as const satisfies Record<string, BinaryDef>;

export type UnaryOp = keyof typeof UNARY;
export type BinaryOp = keyof typeof BINARY;

/** An entry's public surface, empty for a kernel the ops layer picks itself (`via`). */
export function opApi(def: UnaryDef | BinaryDef): OpApi {
  return def.api ?? {};
}

/** The table entry of a unary op named at run time (a kernel name from a backend call). */
export function unaryDef(name: string): UnaryDef | undefined {
  return Object.hasOwn(UNARY, name) ? UNARY[name as UnaryOp] : undefined;
}

/** The table entry of a binary op named at run time. */
export function binaryDef(name: string): BinaryDef | undefined {
  return Object.hasOwn(BINARY, name) ? BINARY[name as BinaryOp] : undefined;
}

/** The ops of a table whose `api` has the given field: the names the methods are made from. */
type WithApi<T, F extends keyof OpApi> = {
  [K in keyof T]: T[K] extends { readonly api: { readonly [P in F]: unknown } } ? K : never;
}[keyof T];
export type UnaryMethod = WithApi<typeof UNARY, "method">;
export type UnaryInPlace = WithApi<typeof UNARY, "inplace">;
export type BinaryMethod = WithApi<typeof BINARY, "method">;
export type BinaryInPlace = WithApi<typeof BINARY, "inplace">;
export type UnaryFunctional = WithApi<typeof UNARY, "functional">;
