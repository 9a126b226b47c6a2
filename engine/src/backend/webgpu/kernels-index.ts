// WGSL for data-dependent indexing: gather, scatter (assign or add), and a per-row stable sort.
// Index values are checked on the GPU; a bad one is recorded in the error buffer (op code,
// index, dim, size) that the next read inspects, so the error surfaces with PyTorch's text.
import { convert, type WgslScalar } from "./wgsl-types.ts";

export const ERROR_WORDS = 4;
export const ERR_GATHER = 1;
export const ERR_SCATTER = 2;
/** An integer division by zero (floor_divide, remainder, fmod): ATen's ZeroDivisionError. */
export const ERR_ZERODIV = 3;

/** Offsets of `names` views for the multi-index of linear `i` over the index shape. */
function walk(
  rank: number,
  names: readonly string[],
  shapeAt: number,
  strideAt: (k: number) => number,
  dimVar: string | null,
): string {
  const lines = ["var rem = i;"];
  for (let d = rank - 1; d >= 0; d--) {
    lines.push(`{ let s = M[${shapeAt + d}]; let c = rem % s; rem = rem / s;`);
    names.forEach((n, k) => {
      const skip = dimVar !== null && n === "src";
      lines.push(
        skip
          ? `  if (${d}u != ${dimVar}) { o_${n} = o_${n} + c * M[${strideAt(k) + d}]; }`
          : `  o_${n} = o_${n} + c * M[${strideAt(k) + d}];`,
      );
    });
    lines.push("}");
  }
  return lines.join("\n  ");
}

/**
 * WGSL that reads the index at o_idx into `at`, wrapping a negative one by the dim's size (M[2]);
 * out of range, the thread records `code`, the index, dim and size in E (the first error wins)
 * and returns.
 */
function checkedIndex(code: number): string {
  return `var at = IX[o_idx];
  let size = i32(M[2]);
  if (at < 0i) { at = at + size; }
  if (at < 0i || at >= size) {
    if (atomicCompareExchangeWeak(&E[0], 0u, ${code}u).exchanged) {
      atomicStore(&E[1], bitcast<u32>(IX[o_idx])); atomicStore(&E[2], dim); atomicStore(&E[3], M[2]);
    }
    return;
  }`;
}

/**
 * gather: Meta [n, dim, dimSize, offIdx, offDst, offSrc, shape[r], strideIdx[r], strideDst[r],
 * strideSrc[r]]. dst[p] = src[p with dim := index[p]].
 */
export function gatherKernel(t: WgslScalar, rank: number): string {
  const shapeAt = 6;
  const strideAt = (k: number) => shapeAt + rank + k * rank;
  return `@group(0) @binding(0) var<storage, read> X: array<${t}>;
@group(0) @binding(1) var<storage, read> IX: array<i32>;
@group(0) @binding(2) var<storage, read_write> Y: array<${t}>;
@group(0) @binding(3) var<storage, read> M: array<u32>;
@group(0) @binding(4) var<storage, read_write> E: array<atomic<u32>>;
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let i = gid.x + gid.y * nw.x * 256u;
  if (i >= M[0]) { return; }
  let dim = M[1];
  var o_idx = M[3]; var o_dst = M[4]; var o_src = M[5];
  ${walk(rank, ["idx", "dst", "src"], shapeAt, strideAt, "dim")}
  ${checkedIndex(ERR_GATHER)}
  Y[o_dst] = X[o_src + u32(at) * M[${strideAt(2)} + dim]];
}
`;
}

/**
 * scatter: Meta [n, dim, dimSize, offIdx, offSrc, offDst, shape[r], strideIdx[r], strideSrc[r],
 * strideDst[r]]. Adding floats uses a compare-exchange loop on the bits (WGSL has no float atomics).
 */
export function scatterKernel(t: WgslScalar, rank: number, add: boolean): string {
  const shapeAt = 6;
  const strideAt = (k: number) => shapeAt + rank + k * rank;
  const atomicT = t === "i32" ? "i32" : "u32";
  const write = !add
    ? `atomicStore(&Y[o], ${t === "f32" ? "bitcast<u32>(v)" : `${atomicT}(v)`});`
    : t === "f32"
      ? `loop {
      let old = atomicLoad(&Y[o]);
      let nv = bitcast<u32>(bitcast<f32>(old) + v);
      if (atomicCompareExchangeWeak(&Y[o], old, nv).exchanged) { break; }
    }`
      : `atomicAdd(&Y[o], ${atomicT}(v));`;
  return `@group(0) @binding(0) var<storage, read_write> Y: array<atomic<${atomicT}>>;
@group(0) @binding(1) var<storage, read> IX: array<i32>;
@group(0) @binding(2) var<storage, read> S: array<${t}>;
@group(0) @binding(3) var<storage, read> M: array<u32>;
@group(0) @binding(4) var<storage, read_write> E: array<atomic<u32>>;
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let i = gid.x + gid.y * nw.x * 256u;
  if (i >= M[0]) { return; }
  let dim = M[1];
  var o_idx = M[3]; var o_s = M[4]; var o_src = M[5];
  ${walk(rank, ["idx", "s", "src"], shapeAt, strideAt, "dim")}
  ${checkedIndex(ERR_SCATTER)}
  let o = o_src + u32(at) * M[${strideAt(2)} + dim];
  let v = S[o_s];
  ${write}
}
`;
}

/**
 * Stable sort of each row (insertion sort, one thread per row: right for the short rows a
 * course sorts). Meta: [rows, n, srcOff, vOff, iOff, outerShape[r], srcStrides[r], vStrides[r],
 * iStrides[r], srcLast, vLast, iLast, descending].
 */
export function sortKernel(t: WgslScalar, outerRank: number): string {
  const os = 5;
  const st = (k: number) => os + outerRank + k * outerRank;
  const tail = os + outerRank * 4;
  const lines = ["var rem = r;", "var so = M[2];", "var vo = M[3];", "var io = M[4];"];
  for (let d = outerRank - 1; d >= 0; d--) {
    lines.push(
      `{ let s = M[${os + d}]; let c = rem % s; rem = rem / s; so = so + c * M[${st(0) + d}]; vo = vo + c * M[${st(1) + d}]; io = io + c * M[${st(2) + d}]; }`,
    );
  }
  const nanLast = t === "f32";
  const isnan = (v: string) => `((bitcast<u32>(${v}) & 0x7fffffffu) > 0x7f800000u)`;
  return `@group(0) @binding(0) var<storage, read> X: array<${t}>;
@group(0) @binding(1) var<storage, read_write> V: array<${t}>;
@group(0) @binding(2) var<storage, read_write> IO: array<i32>;
@group(0) @binding(3) var<storage, read> M: array<u32>;
fn before(a: ${t}, b: ${t}, desc: bool) -> bool {
  ${nanLast ? `if (${isnan("a")}) { return desc && !${isnan("b")}; } if (${isnan("b")}) { return !desc; }` : ""}
  return select((a < b), (a > b), desc);
}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let r = gid.x + gid.y * nw.x * 64u;
  if (r >= M[0]) { return; }
  let n = M[1];
  ${lines.join("\n  ")}
  let ss = M[${tail}]; let vs = M[${tail + 1}]; let is = M[${tail + 2}];
  let desc = M[${tail + 3}] != 0u;
  for (var j = 0u; j < n; j = j + 1u) {
    let x = X[so + j * ss];
    var p = j;
    loop {
      if (p == 0u) { break; }
      let prev = V[vo + (p - 1u) * vs];
      if (!before(x, prev, desc)) { break; }
      V[vo + p * vs] = prev;
      IO[io + p * is] = IO[io + (p - 1u) * is];
      p = p - 1u;
    }
    V[vo + p * vs] = x;
    IO[io + p * is] = i32(j);
  }
}
`;
}

export { convert };
