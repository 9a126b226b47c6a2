// WGSL for reductions: one workgroup per (output element, chunk of the reduced elements),
// threads striding over the chunk and combining in workgroup memory (a long reduction runs as
// many chunks into partials, then a second pass over the partials); arg-reductions carry (value, index) pairs with
// first-occurrence ties and NaN winning, as PyTorch; scans run one thread per row.
import type { ArgReduceOp, ReduceOp } from "../backend.ts";
import { convert, type WgslScalar } from "./wgsl-types.ts";

export const REDUCE_THREADS = 256;

/** NaN test on the bits (compilers may fold `x != x` away). */
const isnan = (v: string): string => `((bitcast<u32>(${v}) & 0x7fffffffu) > 0x7f800000u)`;
const truthy = (v: string, t: WgslScalar): string =>
  t === "f32" ? `((bitcast<u32>(${v}) & 0x7fffffffu) != 0u)` : `(${v} != ${t}(0))`;

/**
 * Code run once per workgroup: `base`, the source offset of outer index `o`, and the inner
 * shape and strides hoisted into locals (is0.., st0..).
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
  return lines.join("\n      ");
}

const IDENTITY: Record<ReduceOp, string> = {
  sum: "0",
  prod: "1",
  max: "-3.4028234663852886e38",
  min: "3.4028234663852886e38",
  all: "1",
  any: "0",
};

function combine(op: ReduceOp, t: WgslScalar): string {
  switch (op) {
    case "sum":
      return "acc + x";
    case "prod":
      return "acc * x";
    case "max":
      return t === "f32" ? `select(select(acc, x, x > acc), x, ${isnan("x")})` : "max(acc, x)";
    case "min":
      return t === "f32" ? `select(select(acc, x, x < acc), x, ${isnan("x")})` : "min(acc, x)";
    case "all":
      return `select(${t}(0), ${t}(1), ${truthy("acc", t)} && ${truthy("x", t)})`;
    case "any":
      return `select(${t}(0), ${t}(1), ${truthy("acc", t)} || ${truthy("x", t)})`;
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
}

/**
 * Meta: [outerCount, innerCount, dstOffset, srcOffset, outerShape, outerStrides, innerShape,
 * innerStrides, chunks, chunkLen]. Workgroup w reduces chunk w % chunks of output w / chunks
 * into Y[dstOffset + w] (one chunk: the output itself).
 */
export function reduceKernel(
  op: ReduceOp,
  src: WgslScalar,
  dst: WgslScalar,
  dstBool: boolean,
  outerRank: number,
  innerRank: number,
): string {
  const t: WgslScalar = op === "all" || op === "any" ? src : src;
  const identity =
    t === "f32"
      ? `${IDENTITY[op]}`
      : op === "max"
        ? t === "i32"
          ? "-2147483647i - 1i"
          : "0u"
        : op === "min"
          ? t === "i32"
            ? "2147483647i"
            : "4294967295u"
          : `${t}(${IDENTITY[op]})`;
  const init =
    t === "f32" && !identity.includes(".") && !identity.includes("e") ? `${identity}.0` : identity;
  return `@group(0) @binding(0) var<storage, read> X: array<${src}>;
@group(0) @binding(1) var<storage, read_write> Y: array<${dst}>;
@group(0) @binding(2) var<storage, read> M: array<u32>;
var<workgroup> part: array<${t}, ${REDUCE_THREADS}>;
@compute @workgroup_size(${REDUCE_THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let w = wid.x + wid.y * nw.x;
  let chunks = M[${4 + 2 * outerRank + 2 * innerRank}];
  let chunkLen = M[${5 + 2 * outerRank + 2 * innerRank}];
  let o = w / chunks;
  if (o >= M[0]) { return; }
  let jEnd = min((w % chunks + 1u) * chunkLen, M[1]);
  ${baseCode(outerRank, innerRank, 3)}
  var acc: ${t} = ${init};
  for (var j = (w % chunks) * chunkLen + lid.x; j < jEnd; j = j + ${REDUCE_THREADS}u) {
      ${offsetCode(innerRank)}
      let x = X[off];
      acc = ${combine(op, t)};
  }
  part[lid.x] = acc;
  workgroupBarrier();
  for (var s = ${REDUCE_THREADS / 2}u; s > 0u; s = s / 2u) {
    if (lid.x < s) {
      let x = part[lid.x + s];
      acc = part[lid.x];
      part[lid.x] = ${combine(op, t)};
    }
    workgroupBarrier();
  }
  if (lid.x == 0u) {
    Y[M[2] + w] = ${convert("part[0]", t, dst, dstBool)};
  }
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
): string {
  const better = op === "argmax" ? "x > bv" : "x < bv";
  const nanCheck = src === "f32" ? `(${isnan("x")} && !${isnan("bv")}) ||` : "";
  const metaIdx = 3 + 1 + outerRank * 2 + 2;
  return `@group(0) @binding(0) var<storage, read> X: array<${src}>;
@group(0) @binding(1) var<storage, read_write> I: array<i32>;
${withValues ? `@group(0) @binding(3) var<storage, read_write> V: array<${src}>;` : ""}
@group(0) @binding(2) var<storage, read> M: array<u32>;
var<workgroup> pv: array<${src}, ${REDUCE_THREADS}>;
var<workgroup> pi: array<u32, ${REDUCE_THREADS}>;
fn better(x: ${src}, xi: u32, bv: ${src}, bi: u32) -> bool {
  if (${src === "f32" ? isnan("bv") : "false"}) { return ${src === "f32" ? `${isnan("x")} && xi < bi` : "false"}; }
  if (${nanCheck} ${better}) { return true; }
  return x == bv && xi < bi;
}
@compute @workgroup_size(${REDUCE_THREADS})
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
