// Tiled batched matmul in WGSL: each 16x16 workgroup computes one output tile, staging 16x16
// tiles of A and B in workgroup memory so each loaded element is reused 16 times.
// Operands are strided ([batch, row, col] strides, batch stride 0 for broadcast); output is contiguous.
import type { WgslScalar } from "./wgsl-types.ts";

export const TILE = 16;

/** Meta: [M, N, K, aOff, aBs, aRs, aCs, bOff, bBs, bRs, bCs, yOff, tilesX]; batch on grid y. */
export function matmulKernel(a: WgslScalar, b: WgslScalar, y: WgslScalar): string {
  const acc = y === "f32" ? "f32" : "i32";
  return `@group(0) @binding(0) var<storage, read> A: array<${a}>;
@group(0) @binding(1) var<storage, read> B: array<${b}>;
@group(0) @binding(2) var<storage, read_write> Y: array<${y}>;
@group(0) @binding(3) var<storage, read> M: array<u32>;
var<workgroup> ta: array<array<${acc}, ${TILE}>, ${TILE}>;
var<workgroup> tb: array<array<${acc}, ${TILE}>, ${TILE}>;
@compute @workgroup_size(${TILE}, ${TILE})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let m = M[0]; let n = M[1]; let k = M[2];
  let tilesX = M[12];
  let batch = wid.y;
  let tileRow = wid.x / tilesX;
  let tileCol = wid.x % tilesX;
  let row = tileRow * ${TILE}u + lid.y;
  let col = tileCol * ${TILE}u + lid.x;
  let aBase = M[3] + batch * M[4];
  let bBase = M[7] + batch * M[8];
  var sum: ${acc} = ${acc}(0);
  let steps = (k + ${TILE - 1}u) / ${TILE}u;
  for (var t = 0u; t < steps; t = t + 1u) {
    let ak = t * ${TILE}u + lid.x;
    let bk = t * ${TILE}u + lid.y;
    ta[lid.y][lid.x] = select(${acc}(0), ${acc}(A[aBase + row * M[5] + ak * M[6]]), row < m && ak < k);
    tb[lid.y][lid.x] = select(${acc}(0), ${acc}(B[bBase + bk * M[9] + col * M[10]]), bk < k && col < n);
    workgroupBarrier();
    for (var i = 0u; i < ${TILE}u; i = i + 1u) {
      sum = sum + ta[lid.y][i] * tb[i][lid.x];
    }
    workgroupBarrier();
  }
  if (row < m && col < n) {
    Y[M[11] + batch * m * n + row * n + col] = ${y}(sum);
  }
}
`;
}
