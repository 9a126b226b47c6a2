// The indexing fixture (fixtures/indexing.json) replayed on WebGPU in Node through Dawn, by the
// harness the CPU suite uses (indexing-harness.ts). WGSL has no float64, so the cases' float64
// tensors are built and compared in float32 (their values are small integers, exact in both);
// everything else is as on the CPU: values, storage sharing, version counters, grad_fn names,
// gradients and error texts. An unstable sort or topk of values with ties may order them its own
// way, as PyTorch on CUDA may (indexing-harness.ts says what is checked instead). Under CI=true a missing adapter fails the run.

import { resolveReads } from "torchlit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { dispatches, startGpu } from "./gpu-support.ts";
import {
  type IndexTarget,
  loadIndexCases,
  replayIndexCase,
  tiesInAnyOrder,
} from "./indexing-harness.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("indexing on WebGPU");
const CASES = loadIndexCases();

const gpu: IndexTarget = {
  device: "cuda",
  dtype: (d) => (d === "float64" ? "float32" : d),
  read: (t) => t.data(),
  run: (fn) => resolveReads(fn),
  settle: () => gpuStatus.backend?.synchronize() ?? Promise.resolve(),
  close: { rtol: 1e-6, atol: 1e-6 },
  // The GPU's row sort is stable; PyTorch's unstable CPU sort orders some ties otherwise.
  ties: "any",
};

afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

describe.skipIf(!status.available)(
  "indexing on WebGPU (cuda) against PyTorch 1.13 (fixtures/indexing.json)",
  () => {
    for (const c of CASES) {
      const mapped = tiesInAnyOrder(c, gpu) ? " [ties in the device's order]" : "";
      it(`${c.kind}: ${c.name}${mapped}`, async () => {
        const before = dispatches();
        try {
          await replayIndexCase(c, gpu);
        } finally {
          await gpuStatus.backend?.synchronize().catch(() => undefined);
        }
        // Every case that gets past its checks computes something on the device.
        if (!c.error) expect(dispatches()).toBeGreaterThan(before);
      });
    }
  },
);
