// Strided iteration for the CPU kernels: merges dims that are contiguous in every operand,
// then walks the outer dims with a counter and hands each innermost row to a tight loop.
// Typed-array hot loops; no allocation per element.
import type { View } from "../backend.ts";

export interface Layout {
  shape: number[];
  /** strides[k] are operand k's strides over `shape`. */
  strides: number[][];
}

/** Drops size-1 dims and merges dims that are contiguous in every operand. */
export function coalesce(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
): Layout {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const size = shape[d] as number;
    if (size === 1) continue;
    const last = outShape.length - 1;
    if (
      last >= 0 &&
      strides.every((s, k) => (outStrides[k] as number[])[last] === (s[d] as number) * size)
    ) {
      outShape[last] = (outShape[last] as number) * size;
      strides.forEach((s, k) => {
        (outStrides[k] as number[])[last] = s[d] as number;
      });
      continue;
    }
    outShape.push(size);
    strides.forEach((s, k) => {
      (outStrides[k] as number[]).push(s[d] as number);
    });
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls row(offsets, n, innerStrides) for every innermost row of the views, which must share
 * one shape. `offsets` is reused between calls: read it, don't keep it.
 */
export function forEachRow(
  views: readonly View[],
  row: (offsets: Int32Array | number[], n: number, inner: readonly number[]) => void,
): void {
  const shape = (views[0] as View).shape;
  for (const s of shape) if (s === 0) return;
  const { shape: cs, strides } = coalesce(
    shape,
    views.map((v) => v.strides),
  );
  const k = views.length;
  const nd = cs.length;
  const n = cs[nd - 1] as number;
  const inner = strides.map((s) => s[nd - 1] as number);
  const offsets = views.map((v) => v.offset);
  if (nd === 1) {
    row(offsets, n, inner);
    return;
  }
  const counter = new Array<number>(nd - 1).fill(0);
  for (;;) {
    row(offsets, n, inner);
    let d = nd - 2;
    for (; d >= 0; d--) {
      const size = cs[d] as number;
      counter[d] = (counter[d] as number) + 1;
      for (let j = 0; j < k; j++)
        offsets[j] = (offsets[j] as number) + ((strides[j] as number[])[d] as number);
      if ((counter[d] as number) < size) break;
      for (let j = 0; j < k; j++)
        offsets[j] = (offsets[j] as number) - size * ((strides[j] as number[])[d] as number);
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}
