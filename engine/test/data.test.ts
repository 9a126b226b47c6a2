// torch.utils.data's TensorDataset and DataLoader against engine/fixtures/nn.json: sequential
// batches, shuffled epochs after manual_seed (same order as PyTorch), drop_last and len.

import {
  arange,
  DataLoader,
  manual_seed,
  rand,
  type Tensor,
  TensorDataset,
  tensor,
} from "torchlit";
import { describe, expect, it } from "vitest";
import { type Enc, expectExact, fixture } from "./nn-fixture.ts";

type Pair = [number[], number[]];
interface Data {
  len_ds: number;
  sequential_bs4: Pair[];
  len_bs4: number;
  len_bs4_drop: number;
  shuffle_bs3_seed0_3epochs: Pair[][];
  shuffle_bs4_drop_seed3: Pair[][];
  matrix_bs4: [Enc, Enc][];
  rand_after_sequential: number[];
  size_mismatch: [string, string];
}

const data = () => fixture<Data>("data");
const tenDs = () => new TensorDataset(arange(10), arange(10).mul(10).float());
const flat = (batch: Tensor[]): Pair => batch.map((t) => Array.from(t.dataSync())) as Pair;

describe("TensorDataset", () => {
  it("has the length of its first dimension and yields row views", () => {
    const ds = tenDs();
    expect(ds.length).toBe(data().len_ds);
    const [a, b] = ds.getItem(3) as [Tensor, Tensor];
    expect([a.item(), b.item()]).toEqual([3, 30]);
  });
  it("refuses tensors of different lengths with PyTorch's assertion", () => {
    const [type, message] = data().size_mismatch;
    expect(() => new TensorDataset(tensor([0, 0, 0]), tensor([0, 0, 0, 0]))).toThrow(message);
    expect(type).toBe("AssertionError");
  });
});

describe("DataLoader", () => {
  it("batches in order without shuffle, keeping the short last batch", () => {
    const loader = new DataLoader(tenDs(), { batch_size: 4 });
    expect([...loader].map(flat)).toEqual(data().sequential_bs4);
    expect(loader.length).toBe(data().len_bs4);
    expect(new DataLoader(tenDs(), { batch_size: 4, drop_last: true }).length).toBe(
      data().len_bs4_drop,
    );
  });
  it("shuffles each epoch in PyTorch's order after manual_seed(0)", () => {
    manual_seed(0);
    const loader = new DataLoader(tenDs(), { batch_size: 3, shuffle: true });
    const epochs: Pair[][] = [];
    for (let e = 0; e < 3; e++) {
      const batches: Pair[] = [];
      for (const batch of loader) batches.push(flat(batch));
      epochs.push(batches);
    }
    expect(epochs).toEqual(data().shuffle_bs3_seed0_3epochs);
  });
  it("drops the short last batch with drop_last=True after manual_seed(3)", () => {
    manual_seed(3);
    const loader = new DataLoader(tenDs(), { batch_size: 4, shuffle: true, drop_last: true });
    const epochs = [0, 1].map(() => [...loader].map(flat));
    expect(epochs).toEqual(data().shuffle_bs4_drop_seed3);
  });
  it("stacks matrix rows along a new dim 0, keeping each tensor's dtype", () => {
    const ds = new TensorDataset(arange(12).float().reshape([6, 2]), tensor([0, 1, 0, 1, 1, 0]));
    const batches = [...new DataLoader(ds, { batch_size: 4 })];
    data().matrix_bs4.forEach(([ex, ey], i) => {
      const [x, y] = batches[i] as [Tensor, Tensor];
      expectExact(x, ex);
      expectExact(y, ey);
    });
  });
  it("draws a base seed per epoch even without shuffle, as PyTorch does", () => {
    manual_seed(0);
    for (const _ of new DataLoader(tenDs(), { batch_size: 5 })) break;
    expect(Array.from(rand([2]).dataSync())).toEqual(data().rand_after_sequential);
  });
});
