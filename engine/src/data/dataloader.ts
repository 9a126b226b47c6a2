// torch.utils.data.DataLoader for num_workers=0: sequential or shuffled batches with the
// random draws PyTorch makes (one _base_seed per iter(), RandomSampler's own seed), so the
// order equals PyTorch's for the same torch.manual_seed; default_collate stacks on dim 0.

import { tensor } from "../ops/creation.ts";
import { stack } from "../ops/join.ts";
import type { Generator } from "../ops/random-ops.ts";
import { dataLoaderEpoch, defaultGenerator, randomInt64, toBatches } from "../random/index.ts";
import { Tensor } from "../tensor.ts";
import type { Dataset } from "./dataset.ts";

export interface DataLoaderOptions<T, B> {
  /** `batch_size`, default 1. */
  batch_size?: number;
  /** `shuffle`, default false: a new permutation per epoch (per iter()). */
  shuffle?: boolean;
  /** `drop_last`, default false: drop the short last batch. */
  drop_last?: boolean;
  /** `generator`, default null (the default generator). */
  generator?: Generator | null;
  /** `collate_fn`, default defaultCollate. */
  collate_fn?: (items: T[]) => B;
}

/**
 * `default_collate`: tensors stack along a new dim 0, numbers become a tensor, and arrays
 * (tuples) collate field by field.
 */
export function defaultCollate(items: readonly unknown[]): unknown {
  const first = items[0];
  if (first instanceof Tensor) return stack(items as Tensor[], 0);
  if (typeof first === "number" || typeof first === "boolean") return tensor(items as number[]);
  if (Array.isArray(first))
    return first.map((_, j) => defaultCollate(items.map((it) => (it as unknown[])[j])));
  return items;
}

export class DataLoader<T = Tensor[], B = T> implements Iterable<B> {
  readonly dataset: Dataset<T>;
  readonly batch_size: number;
  readonly shuffle: boolean;
  readonly drop_last: boolean;
  readonly generator: Generator | null;
  private readonly collate: (items: T[]) => B;

  constructor(dataset: Dataset<T>, opts: DataLoaderOptions<T, B> = {}) {
    this.dataset = dataset;
    this.batch_size = opts.batch_size ?? 1;
    this.shuffle = opts.shuffle ?? false;
    this.drop_last = opts.drop_last ?? false;
    this.generator = opts.generator ?? null;
    this.collate = opts.collate_fn ?? ((items: T[]) => defaultCollate(items) as B);
    toBatches([], this.batch_size, false); // validates batch_size with PyTorch's message
  }

  /** `len(loader)`: the number of batches. */
  get length(): number {
    const n = this.dataset.length;
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }

  /** The batches of indices one epoch visits, drawing what iter(loader) + first next() draw. */
  epochIndices(): number[][] {
    const n = this.dataset.length;
    const gen = this.generator?.impl ?? null;
    if (this.shuffle) {
      return dataLoaderEpoch(n, {
        batchSize: this.batch_size,
        dropLast: this.drop_last,
        generator: gen,
      });
    }
    randomInt64(gen ?? defaultGenerator); // _base_seed: drawn even without shuffling
    const order = Array.from({ length: n }, (_, i) => i);
    return toBatches(order, this.batch_size, this.drop_last);
  }

  *[Symbol.iterator](): Iterator<B> {
    for (const batch of this.epochIndices()) {
      yield this.collate(batch.map((i) => this.dataset.getItem(i)));
    }
  }
}
