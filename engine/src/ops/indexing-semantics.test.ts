// Properties of indexing that a fixture cannot show: which calls allocate storage, that writes
// through x[...] = v reach every view of the storage, that accumulation sums repeats, and that
// autograd refuses a saved tensor that a setitem has modified.

import { describe, expect, it } from "vitest";
import { arange, measureAllocations, nonzero, type Tensor, tensor, zeros } from "../index.ts";

const grid = (): Tensor => arange(12).to("float64").reshape(3, 4);

describe("x[...] storage accounting", () => {
  it("allocates no storage for ints, slices, None and Ellipsis", () => {
    const x = grid();
    const { storages, result } = measureAllocations(() =>
      x.index([{ start: 1, stop: null, step: 2 }, null, "...", -1]),
    );
    expect(storages).toBe(0);
    expect(result.storage).toBe(x.storage);
    expect(result.tolist()).toEqual([[7]]);
  });

  it("allocates a new storage for an index tensor and for a mask", () => {
    const x = grid();
    const idx = tensor([2, 0]);
    const mask = x.gt(5);
    const byIndex = measureAllocations(() => x.index([idx]));
    const byMask = measureAllocations(() => x.index([mask]));
    expect(byIndex.storages).toBeGreaterThan(0);
    expect(byMask.storages).toBeGreaterThan(0);
    expect(byIndex.result.storage).not.toBe(x.storage);
    expect(byMask.result.tolist()).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("reads a list index like the equivalent int64 tensor", () => {
    const x = grid();
    expect(x.index([[2, 0], 1]).tolist()).toEqual(x.index([tensor([2, 0]), 1]).tolist());
  });
});

describe("x[...] = v writes through", () => {
  it("shows the write in views taken before it and bumps their shared version", () => {
    const x = grid();
    const row = x.index([0]);
    const before = row.version;
    x.indexPut_([0, 1], 99);
    expect(row.tolist()).toEqual([0, 99, 2, 3]);
    expect(row.version).toBe(before + 1);
  });

  it("writes into the base when the target is itself a view", () => {
    const x = zeros([2, 3]);
    const row = x.index([1]);
    row.indexPut_([tensor([0, 2])], 5);
    expect(x.tolist()).toEqual([
      [0, 0, 0],
      [5, 0, 5],
    ]);
  });

  it("sums repeated indices when accumulating and keeps the last write otherwise", () => {
    const acc = zeros([3]).indexPut_([tensor([0, 0, 2])], 1, true);
    expect(acc.tolist()).toEqual([2, 0, 1]);
    const put = zeros([3]).index_put_([tensor([1, 1])], tensor([4, 4]).float());
    expect(put.tolist()).toEqual([0, 4, 0]);
  });

  it("casts the value to the target's dtype", () => {
    const x = arange(3);
    x.indexPut_([1], 2.9);
    expect(x.tolist()).toEqual([0, 2, 2]);
    expect(x.dtype).toBe("int64");
  });

  it("makes autograd refuse a saved tensor it modified", () => {
    const a = arange(3).to("float64").requiresGrad_();
    const b = a.exp();
    b.indexPut_([0], 0);
    expect(() => b.sum().backward()).toThrow(/modified by an inplace operation/);
  });
});

describe("nonzero", () => {
  it("returns one index tensor per dim with asTuple", () => {
    const cols = nonzero(
      tensor([
        [0, 1],
        [1, 1],
      ]),
      { asTuple: true },
    ) as Tensor[];
    expect(cols.map((c) => c.tolist())).toEqual([
      [0, 1, 1],
      [1, 0, 1],
    ]);
  });
});
