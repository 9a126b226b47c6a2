// Unit tests of the GPU problem kinds: the engine's own failure texts (got from initWebGPU with
// a stand-in GPU object, so a reworded engine message fails here rather than show a reader the
// wrong reason) map to the kinds the page translates.
import { initWebGPU } from "torchlit";
import { describe, expect, it, vi } from "vitest";
import { fromEngineReason, gpuUnavailable } from "./gpu-problem.ts";

/** Just enough of a WebGPU GPU object for initWebGPU: requestAdapter answers with `adapter`. */
type Gpu = NonNullable<NonNullable<Parameters<typeof initWebGPU>[0]>["gpu"]>;
const gpuWith = (adapter: () => Promise<unknown>) =>
  ({ requestAdapter: adapter }) as unknown as Gpu;

describe("fromEngineReason(reason)", () => {
  it("knows the engine's text for a GPU object without adapters", async () => {
    const status = await initWebGPU({ gpu: gpuWith(async () => null) });
    expect(status.available).toBe(false);
    expect(fromEngineReason(status.reason)).toEqual(gpuUnavailable("no-adapter"));
  });

  it("knows the engine's text for a missing navigator.gpu", async () => {
    const status = await initWebGPU();
    expect(status.available).toBe(false);
    expect(fromEngineReason(status.reason).problem).toBe("no-webgpu");
  });

  it("knows the engine's text for a lost device, keeping the browser's words", async () => {
    // A device that works, then is lost: the few members the backend touches on creation.
    let lose: (info: { message: string }) => void = () => {};
    const device = {
      lost: new Promise((resolve) => {
        lose = resolve;
      }),
      limits: { maxComputeWorkgroupsPerDimension: 65_535 },
      addEventListener: () => {},
      createBuffer: () => ({}),
    };
    const adapter = {
      info: { description: "Fake" },
      limits: {},
      requestDevice: async () => device,
    };
    vi.stubGlobal("GPUBufferUsage", { STORAGE: 0x80, COPY_SRC: 0x4, COPY_DST: 0x8 });
    const status = await initWebGPU({ gpu: gpuWith(async () => adapter) });
    expect(status.available).toBe(true);
    lose({ message: "Device was destroyed." });
    await vi.waitFor(() => expect(status.available).toBe(false));
    const why = fromEngineReason(status.reason);
    expect(why.problem).toBe("device-lost");
    expect(why.detail).toBe("Device was destroyed.");
    vi.unstubAllGlobals();
  });

  it("calls anything else a failed start, quoting it", () => {
    expect(fromEngineReason("requestDevice: limit exceeded")).toEqual({
      problem: "failed",
      detail: "requestDevice: limit exceeded",
      reason: "WebGPU could not start: requestDevice: limit exceeded",
    });
  });
});
