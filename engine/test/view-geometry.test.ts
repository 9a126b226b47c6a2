// viewGeometry: the stride check behind view() and reshape(), and where it fails. Strides of
// the views that succeed, and which views fail, are PyTorch 1.13.1's for the same tensors
// (x = arange(24).view(2, 3, 4).transpose(1, 2), y = arange(12).view(3, 4).t()).

import { arange, TorchError, viewGeometry } from "torchlit";
import { describe, expect, it } from "vitest";

describe("viewGeometry", () => {
  const x = arange(24).view(2, 3, 4).transpose(1, 2); // (2, 4, 3), strides (12, 1, 4)
  const y = arange(12).view(3, 4).t(); // (4, 3), strides (1, 4)

  it.each([
    [x, [2, 4, 3, 1], [12, 1, 4, 4]],
    [x, [1, 2, 4, 3], [24, 12, 1, 4]],
    [y, [2, 2, 3], [2, 1, 4]],
    [y, [4, 3, 1], [1, 4, 4]],
  ])("gives PyTorch's strides where a view exists (%#)", (t, shape, strides) => {
    expect(viewGeometry(t.shape, t.strides, shape)).toEqual({ strides });
    expect(t.view(shape).strides).toEqual(strides);
  });

  it.each([
    // The first run boundary met from the right is the one reported.
    [x, [2, 12], { oldDims: [1, 2], newDim: 1, expected: 12, actual: 1 }],
    [x, [8, 3], { oldDims: [0, 1], newDim: 0, expected: 4, actual: 12 }],
    [x, [24], { oldDims: [1, 2], newDim: 0, expected: 12, actual: 1 }],
    [y, [12], { oldDims: [0, 1], newDim: 0, expected: 12, actual: 1 }],
    [y, [2, 6], { oldDims: [0, 1], newDim: 1, expected: 12, actual: 1 }],
  ])("reports the dims that cannot merge where view() fails (%#)", (t, shape, mismatch) => {
    expect(viewGeometry(t.shape, t.strides, shape)).toEqual({ strides: null, mismatch });
    expect(() => t.view(shape)).toThrow(TorchError);
  });

  it("reports no mismatch when the element counts differ", () => {
    expect(viewGeometry([2, 3], [3, 1], [7])).toEqual({ strides: null, mismatch: null });
  });
});
