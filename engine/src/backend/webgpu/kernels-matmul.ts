// Register-blocked batched matmul in WGSL: a 16x16 workgroup computes a 64x64 output tile, each
// thread a 4x4 block held in registers; 64x16 slices of A and 16x64 slices of B are staged in
// workgroup memory, so each loaded element feeds 64 multiply-adds instead of 16.
// Operands are strided ([batch, row, col] strides, batch stride 0 for broadcast); output is contiguous.
import type { WgslScalar } from "./wgsl-types.ts";

/** Output tile side (rows and columns per workgroup). */
export const TILE = 64;
const TK = 16;

/** Meta: [M, N, K, aOff, aBs, aRs, aCs, bOff, bBs, bRs, bCs, yOff, tilesX]; batch on grid y. */
export function matmulKernel(a: WgslScalar, b: WgslScalar, y: WgslScalar): string {
  const acc = y === "f32" ? "f32" : "i32";
  const v4 = `vec4<${acc}>`;
  const rows = [0, 1, 2, 3];
  return `@group(0) @binding(0) var<storage, read> A: array<${a}>;
@group(0) @binding(1) var<storage, read> B: array<${b}>;
@group(0) @binding(2) var<storage, read_write> Y: array<${y}>;
@group(0) @binding(3) var<storage, read> M: array<u32>;
// As[k * ${TILE} + m] and Bs[k * ${TILE} + n]: k-major, so a thread's 4 rows or columns are adjacent.
var<workgroup> As: array<${acc}, ${TILE * TK}>;
var<workgroup> Bs: array<${acc}, ${TILE * TK}>;
@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let m = M[0]; let n = M[1]; let k = M[2];
  let tilesX = M[12];
  let batch = wid.y;
  let row0 = (wid.x / tilesX) * ${TILE}u;
  let col0 = (wid.x % tilesX) * ${TILE}u;
  let tid = lid.y * 16u + lid.x;
  let aBase = M[3] + batch * M[4];
  let bBase = M[7] + batch * M[8];
${rows.map((i) => `  var acc${i} = ${v4}(${acc}(0));`).join("\n")}
  let steps = (k + ${TK - 1}u) / ${TK}u;
  for (var t = 0u; t < steps; t = t + 1u) {
    for (var l = 0u; l < 4u; l = l + 1u) {
      let idx = tid + l * 256u;
      // A: 64 rows x 16 k, consecutive threads along k (contiguous in a row-major A).
      let am = idx / ${TK}u;
      let ak = t * ${TK}u + idx % ${TK}u;
      let ar = row0 + am;
      As[(idx % ${TK}u) * ${TILE}u + am] = select(${acc}(0), ${acc}(A[aBase + min(ar, m - 1u) * M[5] + min(ak, k - 1u) * M[6]]), ar < m && ak < k);
      // B: 16 k x 64 columns, consecutive threads along the columns.
      let bk = t * ${TK}u + idx / ${TILE}u;
      let bc = col0 + idx % ${TILE}u;
      Bs[idx] = select(${acc}(0), ${acc}(B[bBase + min(bk, k - 1u) * M[9] + min(bc, n - 1u) * M[10]]), bk < k && bc < n);
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${TK}u; kk = kk + 1u) {
      let ao = kk * ${TILE}u + lid.y * 4u;
      let bo = kk * ${TILE}u + lid.x * 4u;
      let bv = ${v4}(Bs[bo], Bs[bo + 1u], Bs[bo + 2u], Bs[bo + 3u]);
${rows.map((i) => `      acc${i} = acc${i} + As[ao + ${i}u] * bv;`).join("\n")}
    }
    workgroupBarrier();
  }
  let yBase = M[11] + batch * m * n;
${rows
  .map(
    (i) => `  {
    let r = row0 + lid.y * 4u + ${i}u;
    if (r < m) {
      for (var j = 0u; j < 4u; j = j + 1u) {
        let c = col0 + lid.x * 4u + j;
        if (c < n) { Y[yBase + r * n + c] = ${y}(acc${i}[j]); }
      }
    }
  }`,
  )
  .join("\n")}
}
`;
}
