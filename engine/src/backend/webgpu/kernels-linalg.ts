// WGSL for LU factorisation and LU solves (inverse, det): one thread per matrix factors it in
// place in the output buffer, one thread per right-hand column solves it, following the CPU
// backend's LAPACK order (backend/cpu/lu.ts) in f32. Right for the small matrices a course
// inverts; a GPU may fuse a multiply-add or round a division differently, so results agree
// with the CPU within float32 tolerance, not bit for bit. Shapes and offsets come in M.

/** The smallest normal f32: below it a pivot is divided by rather than multiplied by 1/p. */
const SAFE_MIN = "1.17549435e-38";

/**
 * getrf. M: [B, n, srcOff, srcStride0, srcStride1, srcStride2, luOff, pivOff, pivStride0,
 * pivStride1, infoOff, infoStride0]; lu is contiguous from luOff.
 */
export function luFactorKernel(): string {
  return `@group(0) @binding(0) var<storage, read> X: array<f32>;
@group(0) @binding(1) var<storage, read_write> A: array<f32>;
@group(0) @binding(2) var<storage, read_write> P: array<i32>;
@group(0) @binding(3) var<storage, read_write> INFO: array<i32>;
@group(0) @binding(4) var<storage, read> M: array<u32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let b = gid.x + gid.y * nw.x * 64u;
  if (b >= M[0]) { return; }
  let n = M[1];
  let xo = M[2] + b * M[3];
  let ao = M[6] + b * n * n;
  let po = M[7] + b * M[8];
  for (var i = 0u; i < n; i = i + 1u) {
    for (var j = 0u; j < n; j = j + 1u) { A[ao + i * n + j] = X[xo + i * M[4] + j * M[5]]; }
  }
  var info = 0i;
  for (var k = 0u; k < n; k = k + 1u) {
    var p = k;
    var best = abs(A[ao + k * n + k]);
    for (var i = k + 1u; i < n; i = i + 1u) {
      let v = abs(A[ao + i * n + k]);
      if (v > best) { best = v; p = i; }
    }
    P[po + k * M[9]] = i32(p + 1u);
    if (A[ao + p * n + k] != 0.0) {
      if (p != k) {
        for (var j = 0u; j < n; j = j + 1u) {
          let t = A[ao + k * n + j];
          A[ao + k * n + j] = A[ao + p * n + j];
          A[ao + p * n + j] = t;
        }
      }
      let d = A[ao + k * n + k];
      if (abs(d) >= ${SAFE_MIN}) {
        let rcp = 1.0 / d;
        for (var i = k + 1u; i < n; i = i + 1u) { A[ao + i * n + k] = A[ao + i * n + k] * rcp; }
      } else {
        for (var i = k + 1u; i < n; i = i + 1u) { A[ao + i * n + k] = A[ao + i * n + k] / d; }
      }
    } else if (info == 0i) {
      info = i32(k + 1u);
    }
    for (var j = k + 1u; j < n; j = j + 1u) {
      let u = A[ao + k * n + j];
      for (var i = k + 1u; i < n; i = i + 1u) {
        A[ao + i * n + j] = A[ao + i * n + j] - A[ao + i * n + k] * u;
      }
    }
  }
  INFO[M[10] + b * M[11]] = info;
}
`;
}

/**
 * getrs for one right-hand column per thread. M: [B, n, k, luOff, pivOff, pivStride0,
 * pivStride1, bOff, bStride0, bStride1, bStride2, dOff, dStride0, dStride1, dStride2,
 * transpose]; lu is contiguous from luOff. The column is copied to dst and solved there.
 */
export function luSolveKernel(): string {
  return `@group(0) @binding(0) var<storage, read> A: array<f32>;
@group(0) @binding(1) var<storage, read> P: array<i32>;
@group(0) @binding(2) var<storage, read> R: array<f32>;
@group(0) @binding(3) var<storage, read_write> D: array<f32>;
@group(0) @binding(4) var<storage, read> M: array<u32>;
fn pivot(po: u32, i: u32) -> u32 { return u32(P[po + i * M[6]] - 1i); }
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let t = gid.x + gid.y * nw.x * 64u;
  let n = M[1];
  let cols = M[2];
  if (t >= M[0] * cols) { return; }
  let b = t / cols;
  let c = t % cols;
  let ao = M[3] + b * n * n;
  let po = M[4] + b * M[5];
  let ro = M[7] + b * M[8] + c * M[10];
  let xo = M[11] + b * M[12] + c * M[14];
  let xs = M[13];
  for (var i = 0u; i < n; i = i + 1u) { D[xo + i * xs] = R[ro + i * M[9]]; }
  if (M[15] == 0u) {
    for (var i = 0u; i < n; i = i + 1u) {
      let p = pivot(po, i);
      if (p != i) { let s = D[xo + i * xs]; D[xo + i * xs] = D[xo + p * xs]; D[xo + p * xs] = s; }
    }
    for (var q = 0u; q < n; q = q + 1u) {
      let v = D[xo + q * xs];
      if (v == 0.0) { continue; }
      for (var i = q + 1u; i < n; i = i + 1u) { D[xo + i * xs] = D[xo + i * xs] - v * A[ao + i * n + q]; }
    }
    for (var qq = n; qq > 0u; qq = qq - 1u) {
      let q = qq - 1u;
      if (D[xo + q * xs] == 0.0) { continue; }
      let v = D[xo + q * xs] / A[ao + q * n + q];
      D[xo + q * xs] = v;
      for (var i = 0u; i < q; i = i + 1u) { D[xo + i * xs] = D[xo + i * xs] - v * A[ao + i * n + q]; }
    }
    return;
  }
  for (var i = 0u; i < n; i = i + 1u) {
    var s = D[xo + i * xs];
    for (var q = 0u; q < i; q = q + 1u) { s = s - A[ao + q * n + i] * D[xo + q * xs]; }
    D[xo + i * xs] = s / A[ao + i * n + i];
  }
  for (var ii = n; ii > 0u; ii = ii - 1u) {
    let i = ii - 1u;
    var s = D[xo + i * xs];
    for (var q = i + 1u; q < n; q = q + 1u) { s = s - A[ao + q * n + i] * D[xo + q * xs]; }
    D[xo + i * xs] = s;
  }
  for (var ii = n; ii > 0u; ii = ii - 1u) {
    let i = ii - 1u;
    let p = pivot(po, i);
    if (p != i) { let s = D[xo + i * xs]; D[xo + i * xs] = D[xo + p * xs]; D[xo + p * xs] = s; }
  }
}
`;
}
