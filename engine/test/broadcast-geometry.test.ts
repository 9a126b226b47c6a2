// broadcastGeometry: ATen's infer_size and where it fails. Shapes and failures are PyTorch
// 1.13.1's for torch.zeros(a) + torch.zeros(b):
//   (4, 1, 2) + (3, 5, 1): "The size of tensor a (4) must match the size of tensor b (3) at
//   non-singleton dimension 0"; (2, 3) + (3, 2): "… a (3) … b (2) at … dimension 1";
//   (2, 0) + (3, 1): "… a (2) … b (3) at … dimension 0"; (5, 3) + (4, 3): "… a (5) … b (4) …
//   dimension 0".

import { broadcastGeometry, TorchError, zeros } from "torchlit";
import { describe, expect, it } from "vitest";

describe("broadcastGeometry", () => {
  it.each([
    [
      [2, 1, 3],
      [4, 1],
      [2, 4, 3],
    ],
    [[], [3], [3]],
    [[3], [], [3]],
    [[0], [1], [0]],
    [
      [3, 1],
      [1, 4],
      [3, 4],
    ],
  ])("gives PyTorch's shape for %j and %j", (a, b, shape) => {
    expect(broadcastGeometry(a, b)).toEqual({ shape, mismatch: null });
    expect(zeros(a).add(zeros(b)).shape).toEqual(shape);
  });

  it.each([
    // From the right, the first dim that fails is the one reported.
    [[4, 1, 2], [3, 5, 1], { dim: 0, sizeA: 4, sizeB: 3 }],
    [[2, 3], [3, 2], { dim: 1, sizeA: 3, sizeB: 2 }],
    [[2, 0], [3, 1], { dim: 0, sizeA: 2, sizeB: 3 }],
    [[5, 3], [4, 3], { dim: 0, sizeA: 5, sizeB: 4 }],
  ])("reports where %j and %j fail, as the operation's error does", (a, b, mismatch) => {
    expect(broadcastGeometry(a, b)).toEqual({ shape: null, mismatch });
    const { dim, sizeA, sizeB } = mismatch;
    expect(() => zeros(a).add(zeros(b))).toThrow(
      new TorchError(
        "RuntimeError",
        `The size of tensor a (${sizeA}) must match the size of tensor b (${sizeB}) at non-singleton dimension ${dim}`,
      ),
    );
  });
});
