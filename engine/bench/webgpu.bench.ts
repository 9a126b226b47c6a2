// The WebGPU suites: torchlit's WebGPU backend and @tensorflow/tfjs-backend-webgpu on the same
// adapter (Dawn in Node; SwiftShader's software Vulkan when there is no GPU). Every step is
// timed to completion: the work is submitted and onSubmittedWorkDone awaited, no readback.
// Must be started through scripts/vulkan-env.mjs (Dawn reads its driver variables at start).
import * as tf from "@tensorflow/tfjs";
import * as torch from "torchlit";
import { gpuStatus, initWebGPU } from "../src/backend/webgpu/index.ts";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { randomFloats } from "./harness.ts";

export const GPU_MATMUL = [256, 512, 1024, 2048] as const;
export const GPU_ELEMS = [
  { label: "1M", n: 1 << 20 },
  { label: "16M", n: 1 << 24 },
] as const;
export const TINY_OPS = 1000;

export type Metric = "GFLOP/s" | "GB/s" | "us/op";

/** One GPU case: how to set it up on each library, and how to turn ms into its metric. */
export interface GpuCase {
  name: string;
  metric: Metric;
  /** The metric from a median time in ms. */
  rate: (ms: number) => number;
  /** Whether the bar (ratio to tfjs >= 1) applies: matmul and reductions. */
  barred: boolean;
  torchlit: () => Promise<AsyncStep>;
  tfjs: () => Promise<AsyncStep>;
}

export interface AsyncStep {
  step: () => Promise<void>;
  teardown: () => void;
}

export interface GpuResult {
  medianMs: number;
  samples: number;
}

/**
 * Medians of alternating runs of each step (so a busy machine slows both alike) after two
 * warm-ups each: at least 3 samples, more while under budgetMs.
 */
export async function measureInterleaved(
  steps: readonly AsyncStep[],
  budgetMs = 1500,
): Promise<GpuResult[]> {
  for (const s of steps) {
    await s.step();
    await s.step();
  }
  const times: number[][] = steps.map(() => []);
  const t0 = performance.now();
  let n = 0;
  while (n < 3 || (n < 100 && performance.now() - t0 < budgetMs)) {
    for (const [i, s] of steps.entries()) {
      const a = performance.now();
      await s.step();
      (times[i] as number[]).push(performance.now() - a);
    }
    n++;
  }
  for (const s of steps) s.teardown();
  return times.map((t) => {
    t.sort((x, y) => x - y);
    return { medianMs: t[Math.floor(t.length / 2)] as number, samples: t.length };
  });
}

const numel = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Starts both libraries on the WebGPU adapter; null (with the reason) when there is none. */
export async function initGpuSuites(): Promise<{ adapter: string } | { error: string }> {
  const gpu = await nodeGpu();
  const status = await initWebGPU({ gpu: gpu ?? undefined });
  if (!status.available || gpu === null) return { error: status.reason ?? "no GPU object" };
  // tfjs-backend-webgpu looks for navigator.gpu; Dawn's globals (GPUBufferUsage, ...) are set
  // by nodeGpu().
  Object.defineProperty(globalThis.navigator, "gpu", { value: gpu, configurable: true });
  await import("@tensorflow/tfjs-backend-webgpu");
  // tfjs runs ops on small tensors whose data is still on the host on its CPU backend; the rows
  // compare GPUs. WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD cannot turn that off: the package reads it
  // once, when it loads (setting it to 0 here left the tiny adds on the CPU, at ~2 us an op).
  tf.env().set("WEBGPU_CPU_FORWARD", false);
  if (!(await tf.setBackend("webgpu"))) return { error: "tfjs-backend-webgpu did not start" };
  await tf.ready();
  return { adapter: status.backend?.name ?? "unknown adapter" };
}

const torchDone = async (): Promise<void> => {
  await gpuStatus.backend?.runner.flush();
};

interface TfWebGpu {
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
  device: GPUDevice;
}
/** Submits tfjs's open compute pass as its own reads do, then waits for the queue. */
const tfDone = async (): Promise<void> => {
  const b = tf.backend() as unknown as TfWebGpu;
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.submitQueue();
  await b.device.queue.onSubmittedWorkDone();
};

function torchCase(
  shapes: number[][],
  run: (xs: torch.Tensor[]) => torch.Tensor,
): () => Promise<AsyncStep> {
  return async () => {
    const xs = shapes.map((s, i) =>
      torch.Tensor.fromArray(randomFloats(numel(s), i + 1), s, "float32", "cuda"),
    );
    await torchDone();
    return {
      step: async () => {
        run(xs).dispose();
        await torchDone();
      },
      teardown: () => {
        for (const x of xs) x.dispose();
      },
    };
  };
}

function tfCase(shapes: number[][], run: (xs: tf.Tensor[]) => tf.Tensor): () => Promise<AsyncStep> {
  return async () => {
    const xs = shapes.map((s, i) => tf.tensor(randomFloats(numel(s), i + 1), s));
    await tfDone();
    return {
      step: async () => {
        const out = tf.tidy(() => run(xs));
        await tfDone();
        out.dispose();
      },
      teardown: () => {
        for (const x of xs) x.dispose();
      },
    };
  };
}

/** A chain of tiny adds: what a training loop of small tensors pays per op. */
function tinyChain<T extends { dispose(): void }>(
  make: () => [T, T],
  add: (a: T, b: T) => T,
  done: () => Promise<void>,
): () => Promise<AsyncStep> {
  return async () => {
    const [x, y] = make();
    await done();
    return {
      step: async () => {
        let t = add(x, y);
        for (let i = 1; i < TINY_OPS; i++) {
          const next = add(t, y);
          t.dispose();
          t = next;
        }
        await done();
        t.dispose();
      },
      teardown: () => {
        x.dispose();
        y.dispose();
      },
    };
  };
}

export function gpuCases(sizes: { matmul: readonly number[] } = { matmul: GPU_MATMUL }): GpuCase[] {
  const cases: GpuCase[] = [];
  for (const n of sizes.matmul) {
    cases.push({
      name: `matmul ${n}x${n} @ ${n}x${n}`,
      metric: "GFLOP/s",
      rate: (ms) => (2 * n ** 3) / ms / 1e6,
      barred: true,
      torchlit: torchCase(
        [
          [n, n],
          [n, n],
        ],
        ([a, b]) => (a as torch.Tensor).matmul(b as torch.Tensor),
      ),
      tfjs: tfCase(
        [
          [n, n],
          [n, n],
        ],
        ([a, b]) => tf.matMul(a as tf.Tensor, b as tf.Tensor),
      ),
    });
  }
  for (const { label, n } of GPU_ELEMS) {
    cases.push({
      name: `add ${label} + ${label}`,
      metric: "GB/s",
      rate: (ms) => (3 * 4 * n) / ms / 1e6,
      barred: false,
      torchlit: torchCase([[n], [n]], ([a, b]) => (a as torch.Tensor).add(b as torch.Tensor)),
      tfjs: tfCase([[n], [n]], ([a, b]) => tf.add(a as tf.Tensor, b as tf.Tensor)),
    });
    cases.push({
      name: `sum of ${label}`,
      metric: "GB/s",
      rate: (ms) => (4 * n) / ms / 1e6,
      barred: true,
      torchlit: torchCase([[n]], ([a]) => (a as torch.Tensor).sum()),
      tfjs: tfCase([[n]], ([a]) => tf.sum(a as tf.Tensor)),
    });
  }
  cases.push({
    name: `${TINY_OPS} tiny adds [4] (dispatch overhead)`,
    metric: "us/op",
    rate: (ms) => (ms * 1000) / TINY_OPS,
    barred: false,
    torchlit: tinyChain(
      () => [torch.ones([4], { device: "cuda" }), torch.ones([4], { device: "cuda" })],
      (a, b) => a.add(b),
      torchDone,
    ),
    tfjs: tinyChain(
      () => [tf.ones([4]), tf.ones([4])],
      (a, b) => tf.add(a, b),
      tfDone,
    ),
  });
  return cases;
}
