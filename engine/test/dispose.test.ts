// Releasing storages now instead of waiting for the collector: dispose(), and `using`, which
// disposes when the block ends. On the GPU the bytes show in memoryAllocated() at once.
// Under CI=true a missing WebGPU adapter fails the run.

import * as torch from "torchlit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("the GPU half of the dispose tests");
afterAll(() => gpuStatus.backend?.destroy());

describe("dispose and using", () => {
  it("`using` disposes a tensor, and every view of its storage, when the block ends", () => {
    let kept: torch.Tensor | null = null;
    let view: torch.Tensor | null = null;
    {
      using t = torch.arange(6).reshape([2, 3]);
      kept = t;
      view = t.select(0, 1);
      expect(view.tolist()).toEqual([3, 4, 5]);
    }
    expect(kept.storage.disposed).toBe(true);
    expect(() => view?.tolist()).toThrow("Tensor used after dispose()");
  });

  it.skipIf(!status.available)(`frees GPU memory at once (${status.backend?.name})`, async () => {
    const backend = gpuStatus.backend;
    if (backend === null) throw new Error("no backend");
    const base = backend.memoryAllocated();
    const before = backend.runner.dispatches;
    {
      using a = torch.ones([1024], { device: "cuda" });
      using b = a.mul(2);
      expect(Array.from(await b.sum().data())).toEqual([2048]);
      expect(backend.memoryAllocated()).toBeGreaterThanOrEqual(base + 2 * 4096);
    }
    // The sum's result is not scoped: only its 4 bytes may remain.
    expect(backend.memoryAllocated()).toBeLessThanOrEqual(base + 4);
    // The peak remembers the block (torch.cuda.max_memory_allocated()) until reset.
    expect(backend.maxMemoryAllocated()).toBeGreaterThanOrEqual(base + 2 * 4096);
    backend.resetPeakMemoryStats();
    expect(backend.maxMemoryAllocated()).toBe(backend.memoryAllocated());
    expect(backend.runner.dispatches).toBeGreaterThan(before);
  });
});
