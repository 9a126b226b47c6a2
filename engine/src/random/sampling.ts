// What PyTorch 1.13 draws on the user's behalf: nn.Linear's reset_parameters
// (kaiming_uniform_ with a = sqrt(5), then the bias bound 1/sqrt(fan_in)) and the
// index order of DataLoader(shuffle=True) per epoch (RandomSampler + BatchSampler).
// Pure functions over a Generator, so the tensor core and nn/data layers can wire them.

import { uniform_ } from "./distributions.ts";
import { defaultGenerator, Generator } from "./generator.ts";
import { randomInt64, randpermNumbers } from "./integers.ts";

/** `nn.init.calculate_gain(nonlinearity, param)` for the nonlinearities the course uses. */
export function calculateGain(nonlinearity: string, param?: number): number {
  switch (nonlinearity) {
    case "linear":
    case "conv1d":
    case "conv2d":
    case "conv3d":
    case "sigmoid":
      return 1;
    case "tanh":
      return 5.0 / 3;
    case "relu":
      return Math.sqrt(2.0);
    case "leaky_relu": {
      const slope = param ?? 0.01;
      return Math.sqrt(2.0 / (1 + slope * slope));
    }
    case "selu":
      return 3.0 / 4;
    default:
      throw new Error(`Unsupported nonlinearity ${nonlinearity}`);
  }
}

/**
 * `nn.init.kaiming_uniform_(w, a, mode="fan_in", nonlinearity="leaky_relu")` on a weight
 * whose fan_in is `fanIn`: uniform_(-bound, bound) with bound = sqrt(3) * gain / sqrt(fan).
 * A zero-element weight is left alone, as PyTorch only warns.
 */
export function kaimingUniform_(
  weight: Float32Array | Float64Array,
  fanIn: number,
  a = 0,
  gen: Generator = defaultGenerator,
): Float32Array | Float64Array {
  if (weight.length === 0) return weight;
  const gain = calculateGain("leaky_relu", a);
  const std = gain / Math.sqrt(fanIn);
  const bound = Math.sqrt(3.0) * std;
  return uniform_(weight, -bound, bound, gen);
}

/** The parameters `nn.Linear(inFeatures, outFeatures, bias)` starts with. */
export interface LinearInit {
  /** float32, row-major [outFeatures, inFeatures]. */
  weight: Float32Array;
  /** float32 [outFeatures], or null when bias=False. */
  bias: Float32Array | null;
}

/**
 * nn.Linear's reset_parameters: kaiming_uniform_(weight, a=sqrt(5)), then, with a bias,
 * uniform_(bias, -1/sqrt(fan_in), 1/sqrt(fan_in)) (bound 0 when fan_in is 0).
 * `torch.manual_seed(0); nn.Linear(3, 2)` is `linearInit(gen.manualSeed(0), 3, 2, true)`.
 */
export function linearInit(
  gen: Generator,
  inFeatures: number,
  outFeatures: number,
  bias: boolean,
): LinearInit {
  const weight = new Float32Array(inFeatures * outFeatures);
  kaimingUniform_(weight, inFeatures, Math.sqrt(5), gen);
  if (!bias) return { weight, bias: null };
  const b = new Float32Array(outFeatures);
  const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
  uniform_(b, -bound, bound, gen);
  return { weight, bias: b };
}

/** Options of a shuffling DataLoader, as passed to `DataLoader(...)`. */
export interface ShuffleOptions {
  /** `batch_size`, default 1. */
  batchSize?: number;
  /** `drop_last`, default false. */
  dropLast?: boolean;
  /** `generator=`: when given, seeds are drawn from it and randperm runs on it directly. */
  generator?: Generator | null;
}

/**
 * The index order RandomSampler (replacement=False, num_samples=n) yields for one pass:
 * with no generator it draws a seed with random_() on an int64 scalar from the default
 * generator, seeds a fresh Generator with it and takes randperm(n) from that.
 */
export function randomSamplerOrder(n: number, generator: Generator | null = null): number[] {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(
      `num_samples should be a positive integer value, but got num_samples=${n}`,
    );
  }
  const g = generator ?? new Generator().manualSeed(randomInt64(defaultGenerator));
  return randpermNumbers(n, g);
}

/** BatchSampler: consecutive chunks of `batchSize`, the short tail kept unless dropLast. */
export function toBatches(
  order: readonly number[],
  batchSize: number,
  dropLast: boolean,
): number[][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(
      `batch_size should be a positive integer value, but got batch_size=${batchSize}`,
    );
  }
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) {
    const batch = order.slice(i, i + batchSize);
    if (batch.length < batchSize && dropLast) break;
    batches.push(batch);
  }
  return batches;
}

/**
 * One epoch of `for batch in DataLoader(ds, shuffle=True, num_workers=0)`, in draw order:
 * iter(loader) first takes `_base_seed` (random_() on an int64 scalar from loader.generator,
 * else the default generator), then the first next() runs RandomSampler.__iter__, which
 * draws its own seed (from the default generator only when no generator was given).
 * Returns the batches of dataset indices. Call once per epoch, at the loop's start.
 */
export function dataLoaderEpoch(n: number, options: ShuffleOptions = {}): number[][] {
  const generator = options.generator ?? null;
  randomInt64(generator ?? defaultGenerator); // _BaseDataLoaderIter._base_seed, unused without workers
  const order = randomSamplerOrder(n, generator);
  return toBatches(order, options.batchSize ?? 1, options.dropLast ?? false);
}

/** `epochs` consecutive epochs of dataLoaderEpoch, with nothing else drawing in between. */
export function dataLoaderPermutations(
  n: number,
  epochs: number,
  options: ShuffleOptions = {},
): number[][][] {
  const out: number[][][] = [];
  for (let e = 0; e < epochs; e++) out.push(dataLoaderEpoch(n, options));
  return out;
}
