// Timing and memory measurement shared by the benchmark suites. A case is timed as the median
// of many single runs after a warm-up (so JIT tiers and caches settle first); memory is the
// peak of V8 heap + external (typed arrays, Wasm memories) above a post-GC baseline.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** One implementation of one benchmark case: setup allocates inputs, returns the timed step. */
export type Setup = () => { step: () => void; teardown?: () => void };

/** A suite maps case names (shared by every suite) to setups; missing cases print as "n/a". */
export interface Suite {
  name: string;
  /** What ran, for the report (e.g. which Wasm variant). */
  detail: string;
  cases: Map<string, Setup>;
}

export interface Result {
  medianMs: number;
  /** The fastest single run (what the A/B comparison, bench/ab.ts, decides on). */
  minMs: number;
  samples: number;
  peakMiB: number;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const mem = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

const WARMUP_MS = 300;
const SAMPLE_MS = 1500;
const MIN_SAMPLES = 7;
const MAX_SAMPLES = 200;

export function measure(setup: Setup): Result {
  gc();
  const base = mem();
  let peak = base;
  const { step, teardown } = setup();
  const sample = () => {
    const m = mem();
    if (m > peak) peak = m;
  };
  const w0 = performance.now();
  for (let i = 0; i < 3 || performance.now() - w0 < WARMUP_MS; i++) {
    step();
    sample();
  }
  const times: number[] = [];
  const s0 = performance.now();
  while (
    times.length < MIN_SAMPLES ||
    (times.length < MAX_SAMPLES && performance.now() - s0 < SAMPLE_MS)
  ) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
    sample();
  }
  teardown?.();
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs =
    times.length % 2 === 1
      ? (times[mid] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return {
    medianMs,
    minMs: times[0] as number,
    samples: times.length,
    peakMiB: (peak - base) / 2 ** 20,
  };
}

/** Deterministic pseudo-random floats in [-1, 1), so every suite sees the same inputs. */
export function randomFloats(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}
