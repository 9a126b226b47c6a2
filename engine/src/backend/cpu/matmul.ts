// CPU batched matrix multiply. Operands are packed into contiguous double rows first, so the
// inner loop is a unit-stride axpy the JIT vectorises well; results round to the output dtype.
import type { TypedArray } from "../../core/dtype.ts";
import type { View } from "../backend.ts";

function pack(v: View, batch: number, rows: number, cols: number): Float64Array {
  const x = v.buf as TypedArray;
  const out = new Float64Array(rows * cols);
  const [bs, rs, cs] = v.strides as [number, number, number];
  let k = 0;
  const base = v.offset + batch * bs;
  for (let r = 0; r < rows; r++) {
    let p = base + r * rs;
    for (let c = 0; c < cols; c++, p += cs) out[k++] = x[p] as number;
  }
  return out;
}

export function cpuMatmul(a: View, b: View, dst: View): void {
  const [B, M, K] = a.shape as [number, number, number];
  const N = b.shape[2] as number;
  const y = dst.buf as TypedArray;
  const row = new Float64Array(N);
  for (let bi = 0; bi < B; bi++) {
    const A = pack(a, bi, M, K);
    const Bm = pack(b, bi, K, N);
    const yBase = dst.offset + bi * M * N;
    for (let i = 0; i < M; i++) {
      row.fill(0);
      const aRow = i * K;
      for (let k = 0; k < K; k++) {
        const aik = A[aRow + k] as number;
        const bRow = k * N;
        for (let j = 0; j < N; j++) row[j] = (row[j] as number) + aik * (Bm[bRow + j] as number);
      }
      const yRow = yBase + i * N;
      for (let j = 0; j < N; j++) y[yRow + j] = row[j] as number;
    }
  }
}
