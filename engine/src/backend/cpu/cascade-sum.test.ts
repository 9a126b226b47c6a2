import { describe, expect, it } from "vitest";
import type { View } from "../backend.ts";
import { cascadeSum, iterationLayout } from "./cascade-sum.ts";

const view = (
  buf: Float32Array | Float64Array,
  shape: number[],
  strides: number[],
  offset = 0,
): View => ({
  buf,
  dtype: buf instanceof Float32Array ? "float32" : "float64",
  shape,
  strides,
  offset,
});

describe("TensorIterator's layout for a reduction", () => {
  it("puts the reduced dim first and merges a contiguous full reduction into one dim", () => {
    expect(iterationLayout([4, 5], [5, 1], [0, 0])).toEqual({ shape: [20], in: [1], out: [0] });
  });
  it("orders a column sum as (reduced rows, kept columns)", () => {
    // x[4, 5].sum(0): kept dim 1 (output stride 1), reduced dim 0 (input stride 5).
    expect(iterationLayout([5, 4], [1, 5], [1, 0])).toEqual({
      shape: [4, 5],
      in: [5, 1],
      out: [0, 1],
    });
  });
  it("keeps size-1 dims out of the way", () => {
    expect(iterationLayout([3, 1, 7], [7, 7, 1], [1, 0, 0]).shape).toEqual([7, 3]);
  });
});

describe("cascadeSum", () => {
  it("adds a short float32 run left to right, rounding each add", () => {
    const x = new Float32Array([1e8, 1, 1, 1, 1]);
    const y = new Float32Array(1);
    cascadeSum(view(x, [5], [1]), view(y, [], []));
    // In order in float32 every +1 is lost: 1e8 + 1 rounds back to 1e8.
    expect(y[0]).toBe(Math.fround(1e8));
  });
  it("keeps 8 lanes apart for a vector-long float32 run, then adds the lanes in order", () => {
    const x = new Float32Array(16).fill(3);
    x[0] = 2 ** 25;
    const y = new Float32Array(1);
    cascadeSum(view(x, [16], [1]), view(y, [], []));
    const f = Math.fround;
    // Lane l holds x[l] + x[l + 8]; the result is 0 + lane 0 + lane 1 + ... + lane 7.
    let lanes = 0;
    for (let l = 0; l < 8; l++) lanes = f(lanes + f((x[l] as number) + (x[l + 8] as number)));
    let inOrder = 0;
    for (const v of x) inOrder = f(inOrder + v);
    expect(lanes).not.toBe(inOrder);
    expect(y[0]).toBe(lanes);
  });
  it("writes 0 for an empty reduction and leaves an empty output alone", () => {
    const y = new Float64Array([7, 7]);
    cascadeSum(view(new Float64Array(0), [2, 0], [0, 1]), view(y, [2], [1]));
    expect(Array.from(y)).toEqual([0, 0]);
    cascadeSum(view(new Float64Array(0), [0, 3], [3, 1]), view(new Float64Array(0), [0], [1]));
  });
  it("honours the output's offset and strides", () => {
    const x = new Float32Array([1, 2, 3, 4, 5, 6]);
    const y = new Float32Array([9, 9, 9, 9]);
    cascadeSum(view(x, [2, 3], [3, 1]), view(y, [2], [2], 1));
    expect(Array.from(y)).toEqual([9, 6, 9, 15]);
  });
});
