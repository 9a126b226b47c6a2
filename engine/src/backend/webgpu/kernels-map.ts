// WGSL for strided elementwise kernels (copy, fill, unary, binary, where), generated from the
// engine's one op table. A kernel is specialised by op, dtypes, rank and which inputs alias the
// output buffer; shapes, strides and offsets arrive in a metadata buffer at run time.
import { BINARY, UNARY } from "../../core/elementwise-defs.ts";
import { ERR_ZERODIV } from "./kernels-index.ts";
import { MATH_PRELUDE } from "./kernels-math.ts";
import { convert, type WgslScalar } from "./wgsl-types.ts";

/** Integer forms of ops whose table WGSL is written for f32. */
const INT_BINARY: Record<string, string> = {
  add: "a + b",
  sub: "a - b",
  mul: "a * b",
  floor_divide: "tl_floordiv(a, b)",
  remainder: "tl_rem(a, b)",
  fmod: "a % b",
  maximum: "max(a, b)",
  minimum: "min(a, b)",
  eq: "select(0i, 1i, a == b)",
  ne: "select(0i, 1i, a != b)",
  lt: "select(0i, 1i, a < b)",
  le: "select(0i, 1i, a <= b)",
  gt: "select(0i, 1i, a > b)",
  ge: "select(0i, 1i, a >= b)",
  logical_and: "select(0i, 1i, a != 0i && b != 0i)",
  logical_or: "select(0i, 1i, a != 0i || b != 0i)",
  logical_xor: "select(0i, 1i, (a != 0i) != (b != 0i))",
  bitwise_and: "a & b",
  bitwise_or: "a | b",
  bitwise_xor: "a ^ b",
};
const INT_UNARY: Record<string, string> = {
  neg: "-x",
  bitwise_not: "~x",
  abs: "abs(x)",
  sign: "sign(x)",
  square: "x * x",
  relu: "max(x, 0i)",
  floor: "x",
  ceil: "x",
  trunc: "x",
  round: "x",
  frac: "0i",
  logical_not: "select(0i, 1i, x == 0i)",
  isnan: "0i",
  isinf: "0i",
  isfinite: "1i",
  clamp: "i32(min(max(f32(x), p0), p1))",
};

/** Integer ops that raise ZeroDivisionError on a zero divisor (flagged on the GPU). */
export const INT_DIVIDES = new Set(["floor_divide", "remainder", "fmod"]);

const PRELUDE = `
fn tl_floordiv(a: i32, b: i32) -> i32 {
  let q = a / b;
  return select(q, q - 1i, (a % b != 0i) && ((a < 0i) != (b < 0i)));
}
fn tl_rem(a: i32, b: i32) -> i32 {
  let r = a % b;
  return select(r, r + b, (r != 0i) && ((r < 0i) != (b < 0i)));
}
`;

export interface MapSpec {
  /** Storage types of the inputs, in binding order. */
  inputs: readonly WgslScalar[];
  output: WgslScalar;
  outputIsBool: boolean;
  /** The type the expression computes in. */
  compute: WgslScalar;
  /** WGSL expression over the input names (x, or a and b, or c, a and b) and p0, p1. */
  expr: string;
  /** Input names, in binding order. */
  names: readonly string[];
  rank: number;
  /** aliased[k]: input k is the output buffer (in-place), so it is read from Y. */
  aliased: readonly boolean[];
  /** Binds the error buffer and flags a zero second operand (integer division). */
  zeroCheck?: boolean;
}

/**
 * Metadata layout (u32 words): [n, p0 bits, p1 bits, offY, offIn..., shape[rank],
 * stridesY[rank], stridesIn[k][rank]...].
 */
export function mapKernel(s: MapSpec): string {
  // Memoised by spec: building the source (prelude included) per op, and hashing a fresh
  // string for the pipeline cache, cost more host time than the dispatch itself.
  const key = `${s.inputs}|${s.output}|${s.outputIsBool}|${s.compute}|${s.expr}|${s.names}|${s.rank}|${s.aliased}|${s.zeroCheck === true}`;
  let src = sources.get(key);
  if (src === undefined) {
    src = buildMapKernel(s);
    sources.set(key, src);
  }
  return src;
}

const sources = new Map<string, string>();

function buildMapKernel(s: MapSpec): string {
  const r = s.rank;
  const k = s.inputs.length;
  const bindings: string[] = [];
  let b = 0;
  const inputBinding: number[] = [];
  s.inputs.forEach((t, i) => {
    if (s.aliased[i]) {
      inputBinding.push(-1);
      return;
    }
    bindings.push(`@group(0) @binding(${b}) var<storage, read> I${i}: array<${t}>;`);
    inputBinding.push(b++);
  });
  bindings.push(`@group(0) @binding(${b++}) var<storage, read_write> Y: array<${s.output}>;`);
  bindings.push(`@group(0) @binding(${b++}) var<storage, read> M: array<u32>;`);
  if (s.zeroCheck)
    bindings.push(`@group(0) @binding(${b++}) var<storage, read_write> E: array<atomic<u32>>;`);
  const shapeAt = 4 + k;
  const strideAt = (operand: number) => shapeAt + r + operand * r; // operand 0 = Y
  const lines: string[] = [];
  lines.push("  var rem = i;");
  lines.push("  var oy = M[3];");
  for (let i = 0; i < k; i++) lines.push(`  var o${i} = M[${4 + i}];`);
  // Rank 1 (what coalescing makes of contiguous and scalar-broadcast ops): no div/mod.
  if (r === 1) {
    lines.push(`  oy = oy + i * M[${strideAt(0)}];`);
    for (let i = 0; i < k; i++) lines.push(`  o${i} = o${i} + i * M[${strideAt(i + 1)}];`);
  }
  for (let d = r === 1 ? -1 : r - 1; d >= 0; d--) {
    lines.push(`  { let size = M[${shapeAt + d}]; let c = rem % size; rem = rem / size;`);
    lines.push(`    oy = oy + c * M[${strideAt(0) + d}];`);
    for (let i = 0; i < k; i++) lines.push(`    o${i} = o${i} + c * M[${strideAt(i + 1) + d}];`);
    lines.push("  }");
  }
  s.inputs.forEach((t, i) => {
    const src = s.aliased[i] ? "Y" : `I${i}`;
    lines.push(`  let ${s.names[i]} = ${convert(`${src}[o${i}]`, t, s.compute)};`);
  });
  if (s.zeroCheck)
    lines.push(
      `  if (${s.names[1]} == ${s.compute}(0)) { _ = atomicCompareExchangeWeak(&E[0], 0u, ${ERR_ZERODIV}u); }`,
    );
  lines.push(`  let v = ${s.expr};`);
  lines.push(`  Y[oy] = ${convert("v", s.compute, s.output, s.outputIsBool)};`);
  return `${bindings.join("\n")}
${PRELUDE}
${MATH_PRELUDE}
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let i = gid.x + gid.y * nw.x * 256u;
  if (i >= M[0]) { return; }
  let p0 = bitcast<f32>(M[1]);
  let p1 = bitcast<f32>(M[2]);
${lines.join("\n")}
}
`;
}

/** The expression and compute type for a table op on a given compute storage type. */
export function opExpr(
  kind: "unary" | "binary",
  op: string,
  compute: WgslScalar,
): { expr: string; compute: WgslScalar } {
  const def = kind === "unary" ? UNARY[op] : BINARY[op];
  if (compute === "i32") {
    const e = def?.wgslInt ?? (kind === "unary" ? INT_UNARY[op] : INT_BINARY[op]);
    if (e !== undefined) return { expr: e, compute: "i32" };
  }
  if (!def) throw new Error(`no WGSL for ${kind} op ${op}`);
  return { expr: def.wgsl, compute: "f32" };
}
