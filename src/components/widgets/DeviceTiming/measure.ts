// Times one n×n float32 matmul on the engine's CPU backend and on its WebGPU backend, the way
// the lesson says to: the first run alone, a warm-up, then the median of several timed samples,
// GPU compute timed until the GPU's queue is done and readback timed apart. Runs inside the
// module worker (worker.ts), never on the page; it touches no DOM. Inputs are seeded.
import { Generator, rand, type Tensor } from "torchlit";
import { type DeviceTimes, type GpuTimes, repeatFor, times } from "./model.ts";
import type { Phase } from "./protocol.ts";

/** What measure.ts needs of the WebGPU backend: its queue and its kernel counter. */
export interface GpuQueue {
  /** Submits recorded work; resolves when the GPU has finished it (onSubmittedWorkDone). */
  flush(): Promise<void>;
  /** Kernel dispatches so far. */
  readonly dispatches: number;
}

export type OnPhase = (device: "cpu" | "gpu", phase: Phase, run?: number) => void;

const now = (): number => performance.now();

/** The two inputs of size n, in [0, 1), the same for every device and every reader. */
export function inputs(n: number): [Tensor, Tensor] {
  const g = new Generator().manual_seed(n);
  return [rand([n, n], { generator: g }), rand([n, n], { generator: g })];
}

/** Lets the worker read messages (a Stop is a terminate, so this is for progress posts only). */
const yieldToLoop = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Times `runs` samples of the CPU matmul; returns the times and the product's values. */
export async function timeCpu(
  a: Tensor,
  b: Tensor,
  runs: number,
  on: OnPhase = () => {},
): Promise<{ times: DeviceTimes; values: Float32Array }> {
  on("cpu", "first");
  let t0 = now();
  const c = a.matmul(b);
  const first = now() - t0;
  const values = (await c.data()) as Float32Array;
  c.dispose();
  // The warm-up: a second run, whose time sets how many matmuls a sample needs.
  on("cpu", "warm-up");
  await yieldToLoop();
  t0 = now();
  a.matmul(b).dispose();
  const repeat = repeatFor(now() - t0);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    on("cpu", "timed", r + 1);
    await yieldToLoop();
    t0 = now();
    for (let i = 0; i < repeat; i++) a.matmul(b).dispose();
    samples.push((now() - t0) / repeat);
  }
  return { times: times(first, samples, repeat), values };
}

/**
 * Times `runs` samples of the GPU matmul (inputs copied to the GPU first, untimed): each sample
 * queues `repeat` matmuls and waits until the queue is done; then the last product is read back
 * on its own clock. Returns the times and the values read back.
 */
export async function timeGpu(
  a: Tensor,
  b: Tensor,
  runs: number,
  queue: GpuQueue,
  on: OnPhase = () => {},
): Promise<{ times: GpuTimes; values: Float32Array }> {
  const before = queue.dispatches;
  const ga = a.to("cuda");
  const gb = b.to("cuda");
  await queue.flush();
  // The first run compiles the matmul's pipeline for this shape's kernel (cached afterwards).
  on("gpu", "first");
  let t0 = now();
  let c = ga.matmul(gb);
  await queue.flush();
  const first = now() - t0;
  c.dispose();
  on("gpu", "warm-up");
  t0 = now();
  c = ga.matmul(gb);
  await queue.flush();
  const repeat = repeatFor(now() - t0);
  c.dispose();
  const samples: number[] = [];
  const readbacks: number[] = [];
  let values: Float32Array = new Float32Array(0);
  for (let r = 0; r < runs; r++) {
    on("gpu", "timed", r + 1);
    t0 = now();
    for (let i = 0; i < repeat - 1; i++) ga.matmul(gb).dispose();
    c = ga.matmul(gb);
    await queue.flush();
    samples.push((now() - t0) / repeat);
    on("gpu", "readback", r + 1);
    t0 = now();
    values = (await c.data()) as Float32Array;
    readbacks.push(now() - t0);
    c.dispose();
  }
  ga.dispose();
  gb.dispose();
  const base = times(first, samples, repeat);
  return {
    times: {
      ...base,
      readback: times(readbacks[0] as number, readbacks, 1).median,
      dispatches: queue.dispatches - before,
    },
    values,
  };
}
