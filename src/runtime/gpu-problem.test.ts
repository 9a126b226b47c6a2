// Unit tests of the GPU problem kinds: the engine's own failure texts (got from initWebGPU with
// a stand-in GPU object, so a reworded engine message fails here rather than show a reader the
// wrong reason) map to the kinds the page translates.
import { initWebGPU } from "torchlit";
import { describe, expect, it } from "vitest";
import { fromEngineReason, gpuUnavailable } from "./gpu-problem.ts";

/** Just enough of a WebGPU GPU object for initWebGPU to ask it for an adapter. */
type Gpu = NonNullable<NonNullable<Parameters<typeof initWebGPU>[0]>["gpu"]>;
const gpuWithout = (adapter: () => Promise<null>) =>
  ({ requestAdapter: adapter }) as unknown as Gpu;

describe("fromEngineReason(reason)", () => {
  it("knows the engine's text for a GPU object without adapters", async () => {
    const status = await initWebGPU({ gpu: gpuWithout(async () => null) });
    expect(status.available).toBe(false);
    expect(fromEngineReason(status.reason)).toEqual(gpuUnavailable("no-adapter"));
  });

  it("knows the engine's text for a missing navigator.gpu", async () => {
    const status = await initWebGPU();
    expect(status.available).toBe(false);
    expect(fromEngineReason(status.reason).problem).toBe("no-webgpu");
  });

  it("keeps the browser's words of a lost device as the detail", () => {
    const why = fromEngineReason("the WebGPU device was lost: Device was destroyed.");
    expect(why).toEqual({
      problem: "device-lost",
      detail: "Device was destroyed.",
      reason: "the WebGPU device was lost: Device was destroyed.",
    });
  });

  it("calls anything else a failed start, quoting it", () => {
    expect(fromEngineReason("requestDevice: limit exceeded")).toEqual({
      problem: "failed",
      detail: "requestDevice: limit exceeded",
      reason: "WebGPU could not start: requestDevice: limit exceeded",
    });
  });
});
