// torch.utils.data's Dataset protocol and TensorDataset: index i of every tensor along dim 0.
// Items are views (select), so nothing is copied until a DataLoader collates a batch.

import { Tensor } from "../tensor.ts";

/** Map-style dataset: `len(ds)` and `ds[i]`. */
export interface Dataset<T> {
  readonly length: number;
  getItem(index: number): T;
}

/** The AssertionError TensorDataset raises (not a TorchError type: Python's assert). */
function assertionError(message: string): Error {
  const e = new Error(message);
  e.name = "AssertionError";
  return e;
}

/** `TensorDataset(*tensors)`: all tensors share their first dimension. */
export class TensorDataset implements Dataset<Tensor[]> {
  readonly tensors: readonly Tensor[];
  constructor(...tensors: Tensor[]) {
    const n = tensors[0]?.shape[0];
    if (!tensors.every((t) => t instanceof Tensor && t.ndim > 0 && t.shape[0] === n)) {
      throw assertionError("Size mismatch between tensors");
    }
    this.tensors = tensors;
  }
  get length(): number {
    return (this.tensors[0]?.shape[0] as number | undefined) ?? 0;
  }
  getItem(index: number): Tensor[] {
    return this.tensors.map((t) => t.select(0, index));
  }
}
