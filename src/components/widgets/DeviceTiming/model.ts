// The device-timing figure's model: the arithmetic that turns the reader's own measurements into
// what the figure shows (medians, GFLOP/s, where the GPU starts to win) and the check that the
// GPU's product is the CPU's up to float32 rounding. Pure functions over numbers: no engine, no
// DOM, nothing precomputed. The measuring itself is measure.ts, run in worker.ts.

/** The sizes n the reader can pick (n×n @ n×n, float32). */
export const SIZES = [64, 128, 256, 512, 1024, 2048] as const;
/** Sizes above this are opt-in: at 2048 one CPU matmul can take seconds. */
export const OPT_IN_ABOVE = 512;
/** Checked when the figure is first shown. */
export const DEFAULT_SIZES = SIZES.filter((n) => n <= OPT_IN_ABOVE);
/** How many timed runs per size the reader can ask for (after the warm-up); the median is shown. */
export const RUN_CHOICES = [3, 5, 9] as const;
export const DEFAULT_RUNS = 5;
/** A timed sample repeats the matmul until it lasts at least this long (the clock's grain). */
export const MIN_SAMPLE_MS = 2;
/** At most this many matmuls in one sample. */
export const MAX_REPEAT = 32;

/** One device's times for one size, all in milliseconds per matmul. */
export interface DeviceTimes {
  /** The first run, alone: on the GPU it includes compiling the kernel's pipeline. */
  first: number;
  /** Each timed sample's time per matmul (after the warm-up). */
  samples: number[];
  /** The median of `samples`. */
  median: number;
  /** How many matmuls each sample ran back to back (see repeatFor). */
  repeat: number;
}

export interface GpuTimes extends DeviceTimes {
  /** The median time to copy one result (n×n float32) back to the CPU, apart from compute. */
  readback: number;
  /** Kernel dispatches the engine recorded for this size (proof the GPU ran it). */
  dispatches: number;
}

export interface Check {
  ok: boolean;
  /** The largest |gpu − cpu| over all elements. */
  maxDiff: number;
  /** The largest ratio |gpu − cpu| / bound over all elements (≤ 1 passes). */
  worst: number;
  /** Where the worst element is (row-major index), and its two values. */
  at: number;
  cpu: number;
  gpu: number;
}

/** One measured size: the CPU always, the GPU when there is one. */
export interface Row {
  n: number;
  cpu: DeviceTimes;
  gpu?: GpuTimes;
  check?: Check;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** FLOPs of an n×n @ n×n matmul: n² outputs, each n multiplies and n adds. */
export const flops = (n: number): number => 2 * n ** 3;

/** GFLOP/s of an n×n matmul that took `ms` milliseconds: 2n³ / t. */
export function gflops(n: number, ms: number): number {
  return flops(n) / (ms * 1e-3) / 1e9;
}

/** How many matmuls one sample runs, from the warm-up's time: enough to last MIN_SAMPLE_MS. */
export function repeatFor(warmMs: number): number {
  if (!(warmMs > 0)) return MAX_REPEAT;
  return Math.max(1, Math.min(MAX_REPEAT, Math.ceil(MIN_SAMPLE_MS / warmMs)));
}

/** float32's unit roundoff, 2⁻²⁴. */
const U = 2 ** -24;

/**
 * The largest |gpu − cpu| a correct float32 matmul allows at one element of an n×n product of
 * non-negative inputs whose (CPU) value is c. Any order of summing a length-n dot product in
 * float32, with or without fused multiply-adds, lands within γₙ·Σ|aᵢbᵢ| of the exact value, where
 * γₙ = n·u / (1 − n·u) (Higham, Accuracy and Stability of Numerical Algorithms, §3.1). With
 * inputs in [0, 1) every product is ≥ 0, so Σ|aᵢbᵢ| is the exact value itself, ≤ c / (1 − γₙ).
 * The CPU and the GPU are each within that of the exact value, so of each other within twice it.
 * A kernel that drops or doubles one product is off by about 0.25 on a value near n/4, a
 * relative 1/n, which this bound (about 2n·u relative) catches for every n below 2896; a
 * wrong index or an unwritten tile is off by far more.
 */
export function tolerance(n: number, c: number): number {
  const gamma = (n * U) / (1 - n * U);
  return (2 * gamma * Math.abs(c)) / (1 - gamma) + Number.MIN_VALUE;
}

/** Compares the GPU's product with the CPU's, element by element (see tolerance). */
export function checkProduct(n: number, cpu: ArrayLike<number>, gpu: ArrayLike<number>): Check {
  if (cpu.length !== n * n || gpu.length !== n * n)
    return {
      ok: false,
      maxDiff: Number.NaN,
      worst: Number.POSITIVE_INFINITY,
      at: 0,
      cpu: 0,
      gpu: 0,
    };
  let maxDiff = 0;
  let worst = 0;
  let at = 0;
  for (let i = 0; i < cpu.length; i++) {
    const c = cpu[i] as number;
    const g = gpu[i] as number;
    const d = Math.abs(g - c);
    // NaN fails: d is NaN, and NaN > worst is false, so it is caught apart.
    const r = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d / tolerance(n, c);
    if (d > maxDiff) maxDiff = d;
    if (r > worst) {
      worst = r;
      at = i;
    }
  }
  return { ok: worst <= 1, maxDiff, worst, at, cpu: cpu[at] as number, gpu: gpu[at] as number };
}

export type Crossover =
  /** The GPU was faster at every measured size. */
  | { kind: "gpu-always" }
  /** The GPU is faster from `from` on (and at every larger measured size); `at` interpolates n. */
  | { kind: "crossover"; below: number; from: number; at: number }
  /** The GPU never won (or lost again at the largest size). */
  | { kind: "none"; largest: number }
  /** Fewer than one size with both devices measured and checked. */
  | { kind: "unknown" };

/**
 * Where the GPU starts to win on compute time (the median, readback apart): the smallest
 * measured size from which the GPU's median is below the CPU's at that size and every larger
 * one. The crossing is placed between that size and the one before by linear interpolation of
 * log(gpu / cpu) against log n. Rows whose check failed do not count.
 */
export function crossover(rows: readonly Row[]): Crossover {
  const both = rows
    .filter((r) => r.gpu && r.check?.ok)
    .sort((a, b) => a.n - b.n)
    .map((r) => ({ n: r.n, ratio: (r.gpu as GpuTimes).median / r.cpu.median }));
  if (both.length === 0) return { kind: "unknown" };
  let k = both.length;
  while (k > 0 && (both[k - 1]?.ratio as number) < 1) k--;
  if (k === both.length) return { kind: "none", largest: both[both.length - 1]?.n as number };
  if (k === 0) return { kind: "gpu-always" };
  const lo = both[k - 1] as { n: number; ratio: number };
  const hi = both[k] as { n: number; ratio: number };
  const a = Math.log(lo.ratio);
  const b = Math.log(hi.ratio);
  const t = a / (a - b);
  const at = Math.exp(Math.log(lo.n) + t * (Math.log(hi.n) - Math.log(lo.n)));
  return { kind: "crossover", below: lo.n, from: hi.n, at };
}

/** Summarises one device's samples. */
export function times(first: number, samples: number[], repeat: number): DeviceTimes {
  return { first, samples, median: median(samples), repeat };
}

/** Validates a list of sizes from the page: known sizes, each once, in order. */
export function validSizes(sizes: readonly number[]): number[] {
  const known = new Set<number>(SIZES);
  return [...new Set(sizes)].filter((n) => known.has(n)).sort((a, b) => a - b);
}
