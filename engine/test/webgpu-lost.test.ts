// A lost WebGPU device (a driver reset, or the device destroyed): GPU work and reads raise a
// clear error instead of hanging or handing back CPU tensors, the engine reports CUDA as
// unavailable with the reason, and CPU work goes on. Its own file: it ends the process's device.
// Under CI=true a missing adapter fails the run.

import * as torch from "torchlit";
import { describe, expect, it, vi } from "vitest";
import { gpuStatus, initWebGPU } from "../src/backend/webgpu/index.ts";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { rejection, startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("the lost-device tests");

const LOST = /^CUDA error: the WebGPU device was lost \(.+\); GPU tensors are no longer available$/;

describe.skipIf(!status.available)(`a lost device (${status.backend?.name})`, () => {
  it("raises clearly on GPU work and reads, and leaves the CPU working", async () => {
    const backend = gpuStatus.backend;
    if (backend === null) throw new Error("no backend");
    const before = backend.runner.dispatches;
    const x = torch.ones([4], { device: "cuda" });
    const y = x.mul(3);
    expect(Array.from(await y.data())).toEqual([3, 3, 3, 3]);
    expect(backend.runner.dispatches).toBeGreaterThan(before);

    // A read in flight when the device goes settles with the error rather than hanging.
    const inFlight = x.add(1).data();
    await backend.loseDevice();
    // It settles: with the values if the GPU finished first, else with the lost-device error.
    const settled = await inFlight.then(
      (v) => Array.from(v),
      (e: Error) => e.message,
    );
    console.info(`read in flight at the loss: ${JSON.stringify(settled)}`);
    if (typeof settled === "string") expect(settled).toMatch(LOST);
    else expect(settled).toEqual([2, 2, 2, 2]);

    expect(gpuStatus.available).toBe(false);
    expect(`CUDA error: ${gpuStatus.reason}`).toMatch(LOST);
    expect(backend.lostReason).not.toBeNull();

    // Existing GPU tensors cannot be read or computed with; new ones cannot be made.
    expect((await rejection(y.data())).message).toMatch(LOST);
    expect(() => y.add(1)).toThrow(LOST);
    expect(() => torch.ones([2], { device: "cuda" })).toThrow(LOST);
    expect(() => torch.ones([2]).to("cuda")).toThrow(LOST);
    const err = (() => {
      try {
        torch.zeros([3], { device: "cuda" });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(torch.TorchError);
    expect((err as torch.TorchError).pyType).toBe("RuntimeError");

    // The CPU goes on.
    expect(Array.from(torch.ones([3]).mul(2).dataSync())).toEqual([2, 2, 2]);
  });
});

describe.skipIf(!status.available)("starting WebGPU", () => {
  it("shares one attempt between callers that ask at the same time", async () => {
    // The device above was lost, so this starts afresh. Both callers ask before either has a
    // device; one adapter request must serve both.
    const real = (await nodeGpu()) as GPU;
    let requests = 0;
    const counting = {
      requestAdapter: (o?: GPURequestAdapterOptions) => {
        requests++;
        return real.requestAdapter(o);
      },
    } as unknown as GPU;
    const [a, b] = await Promise.all([
      initWebGPU({ gpu: counting }),
      initWebGPU({ gpu: counting }),
    ]);
    expect(requests).toBe(1);
    expect(a.available && b.available).toBe(true);
    const x = torch.ones([2], { device: "cuda" }).add(1);
    expect(Array.from(await x.data())).toEqual([2, 2]);
    a.backend?.destroy();
  });
});

describe.skipIf(!status.available)("WebGPU out of memory", () => {
  it("gives the device up: torch.cuda.OutOfMemoryError from then on, the CPU goes on", async () => {
    const s = await initWebGPU({ gpu: (await nodeGpu()) ?? undefined });
    const backend = s.backend;
    if (!s.available || backend === null) throw new Error("no fresh device");
    const x = torch.ones([8], { device: "cuda" }).mul(2);
    expect(Array.from(await x.data())).toEqual(Array(8).fill(2));
    // What WebGPU sends when a buffer could not be allocated (it comes after the allocation).
    const G = globalThis as unknown as {
      GPUOutOfMemoryError: new (m: string) => GPUError;
      GPUUncapturedErrorEvent: new (t: string, i: { error: GPUError }) => Event;
    };
    const device = backend.runner.device;
    device.dispatchEvent(
      new G.GPUUncapturedErrorEvent("uncapturederror", {
        error: new G.GPUOutOfMemoryError("a buffer of 8 GiB"),
      }),
    );
    await device.lost;
    expect(s.available).toBe(false);
    expect(s.reason).toMatch(/^the WebGPU device was lost \(out of memory: a buffer of 8 GiB\)/);
    const oom =
      "CUDA out of memory. WebGPU could not allocate GPU memory (a buffer of 8 GiB); GPU tensors are no longer available";
    const err = await rejection(x.data());
    expect(err.message).toBe(oom);
    expect((err as torch.TorchError).pyType).toBe("OutOfMemoryError");
    expect(() => torch.zeros([2], { device: "cuda" })).toThrow(oom);
    expect(Array.from(torch.ones([2]).add(1).dataSync())).toEqual([2, 2]);
  });
});
