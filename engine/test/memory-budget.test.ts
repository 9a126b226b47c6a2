// The memory budgets (backend/memory-budget.ts): the allocation that would take the live tensors
// of a device past its budget is refused with PyTorch's error, what was disposed or collected
// stops counting, and the device stays usable. Budgets are set small here (a few MiB) so no test
// allocates much. Under CI=true a missing WebGPU adapter fails the run.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as torch from "torchlit";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("the GPU memory budget tests");
afterAll(() => gpuStatus.backend?.destroy());

const MiB = 2 ** 20;
/** A float32 tensor of `mib` MiB. */
const ofMiB = (mib: number, device: "cpu" | "cuda" = "cpu") =>
  torch.ones([(mib * MiB) / 4], { device });

const saved = { ...torch.budgets };
beforeEach(() => {
  // What earlier tests left uncollected must not count here: the budget is on top of it.
  torch.budgets.cpuBytes = torch.budgetStats.cpuBytes + 8 * MiB;
});
afterEach(() => {
  Object.assign(torch.budgets, saved);
});

/** A full collection, then a turn of the event loop so the finalizers run. */
async function collect(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe("the CPU memory budget", () => {
  it("refuses the allocation that would pass it, with DefaultCPUAllocator's text and what is live", () => {
    const held = [ofMiB(4), ofMiB(4)];
    let error: Error | null = null;
    try {
      ofMiB(1);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(torch.TorchError);
    expect((error as torch.TorchError).pyType).toBe("RuntimeError");
    expect(torch.isBudgetRefusal(error)).toBe(true);
    expect(error?.message).toMatch(
      /^\[enforce fail at alloc_cpu\.cpp:75\] \. DefaultCPUAllocator: can't allocate memory: you tried to allocate 1048576 bytes\. Error code 12 \(Cannot allocate memory\)\. Torchlit's budget for CPU tensors in this process is \d+ bytes \(.+\) and live tensors hold \d+ bytes/,
    );
    for (const t of held) t.dispose();
  });

  it("counts tensors of 1 MiB or more only", () => {
    const small = Array.from({ length: 40 }, () => torch.ones([MiB / 4 - 1]));
    const big = ofMiB(8);
    expect(big.numel()).toBe(2 * MiB);
    for (const t of [...small, big]) t.dispose();
  });

  it("stops counting a disposed tensor", () => {
    const a = ofMiB(8);
    expect(() => ofMiB(1)).toThrow("DefaultCPUAllocator");
    a.dispose();
    ofMiB(8).dispose();
  });

  it("stops counting a tensor the collector took", async () => {
    const before = torch.budgetStats.cpuBytes;
    (() => {
      ofMiB(8);
    })();
    expect(torch.budgetStats.cpuBytes).toBe(before + 8 * MiB);
    await collect();
    expect(torch.budgetStats.cpuBytes).toBe(before);
    ofMiB(8).dispose();
  });
});

describe.skipIf(!status.available)(`the GPU memory budget (${status.backend?.name})`, () => {
  const backend = () => {
    if (!gpuStatus.backend) throw new Error("no backend");
    return gpuStatus.backend;
  };

  it("raises torch.cuda.OutOfMemoryError past it, and the GPU stays usable", async () => {
    backend().emptyCache();
    torch.budgets.gpuBytes = backend().memoryReserved() + 8 * MiB;
    const held = [ofMiB(4, "cuda"), ofMiB(4, "cuda")];
    let error: torch.TorchError | null = null;
    try {
      ofMiB(4, "cuda");
    } catch (e) {
      error = e as torch.TorchError;
    }
    expect(error?.pyType).toBe("OutOfMemoryError");
    expect(torch.isBudgetRefusal(error)).toBe(true);
    expect(error?.message).toMatch(
      /^CUDA out of memory\. Tried to allocate 4\.00 MiB \(GPU 0; [\d.]+ MiB budget in this process; [\d.]+ MiB already allocated; [\d.]+ (MiB|KiB|bytes) free; [\d.]+ MiB reserved in total by Torchlit\)/,
    );
    for (const t of held) t.dispose();
    const y = ofMiB(2, "cuda").mul(2);
    expect(Array.from(await y.sum().data())).toEqual([MiB]);
  });

  it("frees the pool of free buffers before refusing", async () => {
    backend().emptyCache();
    torch.budgets.gpuBytes = backend().memoryReserved() + 8 * MiB;
    ofMiB(8, "cuda").dispose();
    await backend().runner.flush();
    expect(backend().runner.pooledBytes).toBeGreaterThanOrEqual(8 * MiB);
    // Another size: the pooled 8 MiB buffer cannot serve it, so it must be released first.
    const t = ofMiB(2, "cuda");
    expect(backend().runner.pooledBytes).toBeLessThan(8 * MiB);
    t.dispose();
  });
});
