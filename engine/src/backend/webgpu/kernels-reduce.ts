// WGSL for reductions: one thread per (output element, slice of its reduced elements), folding
// in a register (a long reduction with few outputs runs as many slices into partials, then
// further passes over the partials); arg-reductions carry (value, index) pairs with
// first-occurrence ties and NaN winning, as PyTorch; scans run one thread per row.
import type { ArgReduceOp, ReduceOp } from "../backend.ts";
import { coalesce } from "./kernels-map.ts";
import { convert, type WgslScalar } from "./wgsl-types.ts";

/** Threads per workgroup of the arg-reduce kernel, which combines (value, index) pairs in workgroup memory. */
export const REDUCE_THREADS = 256;

/** NaN test on the bits (compilers may fold `x != x` away). */
const isnan = (v: string): string => `((bitcast<u32>(${v}) & 0x7fffffffu) > 0x7f800000u)`;

/**
 * Code run once per thread (or workgroup): `base`, the source offset of outer index `o`, and
 * the inner shape and strides hoisted into locals (is0.., st0..).
 */
function baseCode(outerRank: number, innerRank: number, metaBase: number): string {
  // Meta: [.., offset, outerShape[outerRank], outerStrides, innerShape[innerRank], innerStrides]
  const lines = [`var base = M[${metaBase}];`, "var ro = o;"];
  const os = metaBase + 1;
  const ost = os + outerRank;
  const is = ost + outerRank;
  const ist = is + innerRank;
  for (let d = outerRank - 1; d >= 0; d--) {
    lines.push(`{ let s = M[${os + d}]; base = base + (ro % s) * M[${ost + d}]; ro = ro / s; }`);
  }
  for (let d = 0; d < innerRank; d++)
    lines.push(`let is${d} = M[${is + d}]; let st${d} = M[${ist + d}];`);
  return lines.join("\n  ");
}

/** Code computing `off`, the source offset of inner index `j`, inside the loop. */
function offsetCode(innerRank: number): string {
  if (innerRank === 1) return "let off = base + j * st0;";
  const lines = ["var off = base;", "var ri = j;"];
  for (let d = innerRank - 1; d >= 0; d--) {
    lines.push(`off = off + (ri % is${d}) * st${d}; ri = ri / is${d};`);
  }
  return lines.join("\n    ");
}

/** The WGSL identity of `op` on scalar type `t`. */
function identity(op: ReduceOp, t: WgslScalar): string {
  switch (op) {
    case "sum":
    case "any":
      return `${t}(0)`;
    case "prod":
    case "all":
      return `${t}(1)`;
    case "max":
      return t === "f32" ? "-3.4028234663852886e38" : t === "i32" ? "-2147483647i - 1i" : "0u";
    case "min":
      return t === "f32" ? "3.4028234663852886e38" : t === "i32" ? "2147483647i" : "4294967295u";
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
}

/**
 * `acc` combined with `x`, both of type `v`: the scalar `t`, or vec4<t> lane by lane. NaN wins
 * max and min, as in PyTorch; all and any test a float's truth on its bits.
 */
function combine(op: ReduceOp, t: WgslScalar, v: string): string {
  const u = v === t ? "u32" : "vec4<u32>";
  const nan = (e: string) => `((bitcast<${u}>(${e}) & ${u}(0x7fffffffu)) > ${u}(0x7f800000u))`;
  const truthy = (e: string) =>
    t === "f32" ? `((bitcast<${u}>(${e}) & ${u}(0x7fffffffu)) != ${u}(0u))` : `(${e} != ${v}(0))`;
  switch (op) {
    case "sum":
      return "acc + x";
    case "prod":
      return "acc * x";
    case "max":
      return t === "f32" ? `select(select(acc, x, x > acc), x, ${nan("x")})` : "max(acc, x)";
    case "min":
      return t === "f32" ? `select(select(acc, x, x < acc), x, ${nan("x")})` : "min(acc, x)";
    case "all":
      return `select(${v}(0), ${v}(1), ${truthy("acc")} & ${truthy("x")})`;
    case "any":
      return `select(${v}(0), ${v}(1), ${truthy("acc")} | ${truthy("x")})`;
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
}

/** Threads per workgroup of the reduce kernel. */
export const REDUCE_WORKGROUP = 64;
/** Elements one thread folds into its partial before another pass reduces the partials. */
export const REDUCE_PER_THREAD = 1024;
/** A reduction with few outputs is split into slices until outputs x slices reach this. */
export const REDUCE_TARGET_THREADS = 16384;

export interface ReduceStep {
  source: string;
  /** The metadata buffer's u32 words. */
  words: number[];
  groups: number;
  /**
   * Slices per output. 1: this step writes the outputs. More: it writes partials, an
   * [outputs, slices] contiguous tensor of the source's type, for the next step to reduce.
   */
  slices: number;
}

/**
 * One pass of a reduction of `view` over its dims from `outerRank` on. Each thread folds one
 * slice of one output's elements in a register (slice s takes elements s, s + slices, ..., so
 * neighbouring threads read neighbouring elements), with no workgroup memory and no barrier:
 * SwiftShader pays ~0.1 ms for one barrier in a 256-thread workgroup, and a GPU needs none
 * here. An output with many elements and few siblings is split into slices whose partials the
 * next step reduces. A contiguous inner run that starts on a multiple of 4 is read as vec4s.
 */
export function reduceStep(
  op: ReduceOp,
  src: WgslScalar,
  dst: WgslScalar,
  dstBool: boolean,
  view: { shape: readonly number[]; strides: readonly number[]; offset: number },
  outerRank: number,
  dstOffset: number,
): ReduceStep {
  const outer = coalesce(view.shape.slice(0, outerRank), [view.strides.slice(0, outerRank)]);
  const inner = coalesce(view.shape.slice(outerRank), [view.strides.slice(outerRank)]);
  const outerStrides = outer.strides[0] as number[];
  const innerStrides = inner.strides[0] as number[];
  const outputs = outer.shape.reduce((a, b) => a * b, 1);
  const n = view.shape.slice(outerRank).reduce((a, b) => a * b, 1);
  const slices =
    n >= 2 * REDUCE_PER_THREAD
      ? Math.min(
          Math.ceil(n / REDUCE_PER_THREAD),
          Math.max(1, Math.floor(REDUCE_TARGET_THREADS / outputs)),
        )
      : 1;
  const vec4 =
    inner.shape.length === 1 &&
    innerStrides[0] === 1 &&
    n % 4 === 0 &&
    view.offset % 4 === 0 &&
    outerStrides.every((s) => s % 4 === 0);
  // One output of a contiguous run from offset 0 (a whole fresh tensor, or the partials of
  // one): element j is X[j]. Without a per-thread base SwiftShader sees that neighbouring
  // threads read neighbouring elements (a 16M sum measured ~1.5x faster).
  const flat =
    outputs === 1 && view.offset === 0 && inner.shape.length === 1 && innerStrides[0] === 1;
  const q = vec4 ? 4 : 1;
  const final = slices === 1;
  const words = [
    outputs * slices,
    slices,
    n / q,
    final ? dstOffset : 0,
    view.offset / q,
    ...outer.shape,
    ...outerStrides.map((s) => s / q),
  ];
  if (!vec4) words.push(...inner.shape, ...innerStrides);
  const source = reduceKernel(
    op,
    src,
    final ? dst : src,
    final && dstBool,
    outer.shape.length,
    vec4 ? 0 : inner.shape.length,
    flat,
  );
  return { source, words, groups: Math.ceil((outputs * slices) / REDUCE_WORKGROUP), slices };
}

/**
 * Meta: [threads, slices, n, dstOffset, srcOffset, outerShape, outerStrides, innerShape,
 * innerStrides]. innerRank 0 is the vec4 form: a contiguous inner run, with n, the offset and
 * the outer strides counted in vec4s, and no inner shape. `flat`: one output, elements X[j]
 * (the offset and shapes are not read). Thread g folds slice g % slices of output g / slices
 * into Y[dstOffset + g].
 */
export function reduceKernel(
  op: ReduceOp,
  src: WgslScalar,
  dst: WgslScalar,
  dstBool: boolean,
  outerRank: number,
  innerRank: number,
  flat = false,
): string {
  const key = `${op}|${src}|${dst}|${dstBool}|${outerRank}|${innerRank}|${flat}`;
  let source = reduceSources.get(key);
  if (source === undefined) {
    source = buildReduceKernel(op, src, dst, dstBool, outerRank, innerRank, flat);
    reduceSources.set(key, source);
  }
  return source;
}

const reduceSources = new Map<string, string>();

function buildReduceKernel(
  op: ReduceOp,
  t: WgslScalar,
  dst: WgslScalar,
  dstBool: boolean,
  outerRank: number,
  innerRank: number,
  flat: boolean,
): string {
  const vec4 = innerRank === 0;
  const v = vec4 ? `vec4<${t}>` : t;
  const load = flat
    ? "let x = X[j];"
    : vec4
      ? "let x = X[base + j];"
      : `${offsetCode(innerRank)}\n    let x = X[off];`;
  // A vec4 accumulator holds four interleaved partial results: fold them into one.
  const fold = vec4 ? "comb(comb(acc.x, acc.y), comb(acc.z, acc.w))" : "acc";
  return `@group(0) @binding(0) var<storage, read> X: array<${v}>;
@group(0) @binding(1) var<storage, read_write> Y: array<${dst}>;
@group(0) @binding(2) var<storage, read> M: array<u32>;
fn comb(acc: ${t}, x: ${t}) -> ${t} { return ${combine(op, t, t)}; }
fn combv(acc: ${v}, x: ${v}) -> ${v} { return ${combine(op, t, v)}; }
@compute @workgroup_size(${REDUCE_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let g = gid.x + gid.y * nw.x * ${REDUCE_WORKGROUP}u;
  if (g >= M[0]) { return; }
  let slices = M[1];
  let n = M[2];
  ${flat ? "" : `let o = g / slices;\n  ${baseCode(outerRank, vec4 ? 0 : innerRank, 4)}`}
  var acc = ${v}(${identity(op, t)});
  for (var j = g % slices; j < n; j = j + slices) {
    ${load}
    acc = combv(acc, x);
  }
  let r = ${fold};
  Y[M[3] + g] = ${convert("r", t, dst, dstBool)};
}
`;
}

/**
 * Arg-reduce over the last dim. Meta: [outerCount, n, valuesOffset, srcOffset, outerShape,
 * outerStrides, n, lastStride, indicesOffset]. Writes values (when bound) and int indices.
 */
export function argReduceKernel(
  op: ArgReduceOp,
  src: WgslScalar,
  withValues: boolean,
  outerRank: number,
  perRow = false,
): string {
  const better = op === "argmax" ? "x > bv" : "x < bv";
  const nanCheck = src === "f32" ? `(${isnan("x")} && !${isnan("bv")}) ||` : "";
  const metaIdx = 3 + 1 + outerRank * 2 + 2;
  return `@group(0) @binding(0) var<storage, read> X: array<${src}>;
@group(0) @binding(1) var<storage, read_write> I: array<i32>;
${withValues ? `@group(0) @binding(3) var<storage, read_write> V: array<${src}>;` : ""}
@group(0) @binding(2) var<storage, read> M: array<u32>;
${perRow ? "" : `var<workgroup> pv: array<${src}, ${REDUCE_THREADS}>;\nvar<workgroup> pi: array<u32, ${REDUCE_THREADS}>;`}
fn better(x: ${src}, xi: u32, bv: ${src}, bi: u32) -> bool {
  if (${src === "f32" ? isnan("bv") : "false"}) { return ${src === "f32" ? `${isnan("x")} && xi < bi` : "false"}; }
  if (${nanCheck} ${better}) { return true; }
  return x == bv && xi < bi;
}
${(perRow ? argRowMain : argGroupMain)(src, outerRank, metaIdx, withValues)}
`;
}

/** Rows from which an arg-reduction gives each row one thread instead of a workgroup. */
export const ARG_ROW_THREADS = 64;

/**
 * How an arg-reduction of `rows` rows of `n` runs: one thread per row when there are many rows
 * or short ones (a workgroup per row costs SwiftShader ~0.5 ms a row in barriers: argmax(1) of
 * [1000, 10] took half a second), else a workgroup per row combining in workgroup memory.
 */
export function argReduceDispatch(rows: number, n: number): { perRow: boolean; groups: number } {
  const perRow = rows >= ARG_ROW_THREADS || n <= REDUCE_THREADS;
  return { perRow, groups: perRow ? Math.ceil(rows / ARG_ROW_THREADS) : rows };
}

/** One thread per row, scanning it in order: the first best element wins ties. */
function argRowMain(
  src: WgslScalar,
  outerRank: number,
  metaIdx: number,
  withValues: boolean,
): string {
  return `@compute @workgroup_size(${ARG_ROW_THREADS})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let o = gid.x + gid.y * nw.x * ${ARG_ROW_THREADS}u;
  if (o >= M[0]) { return; }
  ${baseCode(outerRank, 1, 3)}
  var bv: ${src} = ${src}(0);
  var bi: u32 = 0xffffffffu;
  for (var j = 0u; j < M[1]; j = j + 1u) {
    ${offsetCode(1)}
    let x = X[off];
    if (bi == 0xffffffffu || better(x, j, bv, bi)) { bv = x; bi = j; }
  }
  I[M[${metaIdx}] + o] = i32(bi);
  ${withValues ? "V[M[2] + o] = bv;" : ""}
}`;
}

/** A workgroup per row: threads stride over it, then combine pairs in workgroup memory. */
function argGroupMain(
  src: WgslScalar,
  outerRank: number,
  metaIdx: number,
  withValues: boolean,
): string {
  return `@compute @workgroup_size(${REDUCE_THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let o = wid.x + wid.y * nw.x;
  if (o >= M[0]) { return; }
  ${baseCode(outerRank, 1, 3)}
  var bv: ${src} = ${src}(0);
  var bi: u32 = 0xffffffffu;
  for (var j = lid.x; j < M[1]; j = j + ${REDUCE_THREADS}u) {
      ${offsetCode(1)}
      let x = X[off];
      if (bi == 0xffffffffu || better(x, j, bv, bi)) { bv = x; bi = j; }
  }
  pv[lid.x] = bv;
  pi[lid.x] = bi;
  workgroupBarrier();
  for (var s = ${REDUCE_THREADS / 2}u; s > 0u; s = s / 2u) {
    if (lid.x < s) {
      let x = pv[lid.x + s];
      let xi = pi[lid.x + s];
      if (xi != 0xffffffffu && (pi[lid.x] == 0xffffffffu || better(x, xi, pv[lid.x], pi[lid.x]))) {
        pv[lid.x] = x;
        pi[lid.x] = xi;
      }
    }
    workgroupBarrier();
  }
  if (lid.x == 0u) {
    I[M[${metaIdx}] + o] = i32(pi[0]);
    ${withValues ? "V[M[2] + o] = pv[0];" : ""}
  }
}
`;
}

/** Inclusive scan along the last dim, one thread per row. Meta like reduce plus dst strides. */
export function scanKernel(
  op: "cumsum" | "cumprod",
  src: WgslScalar,
  dst: WgslScalar,
  outerRank: number,
): string {
  const lines: string[] = ["var so = M[3];", "var dof = M[2];", "var ro = o;"];
  const os = 4;
  const ost = os + outerRank;
  const dst0 = ost + outerRank;
  for (let d = outerRank - 1; d >= 0; d--) {
    lines.push(
      `{ let s = M[${os + d}]; let c = ro % s; ro = ro / s; so = so + c * M[${ost + d}]; dof = dof + c * M[${dst0 + d}]; }`,
    );
  }
  const n = dst0 + outerRank;
  return `@group(0) @binding(0) var<storage, read> X: array<${src}>;
@group(0) @binding(1) var<storage, read_write> Y: array<${dst}>;
@group(0) @binding(2) var<storage, read> M: array<u32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let o = gid.x + gid.y * nw.x * 64u;
  if (o >= M[0]) { return; }
  ${lines.join("\n  ")}
  var acc: ${dst} = ${dst}(${op === "cumsum" ? 0 : 1});
  for (var j = 0u; j < M[${n}]; j = j + 1u) {
    acc = acc ${op === "cumsum" ? "+" : "*"} ${convert(`X[so + j * M[${n + 1}]]`, src, dst)};
    Y[dof + j * M[${n + 2}]] = acc;
  }
}
`;
}
