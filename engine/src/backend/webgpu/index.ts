// Turning WebGPU on: finds a device, builds the backend and registers it as the engine's
// "cuda" device. Until this succeeds, GPU tensors raise PyTorch's no-driver error and
// torch.cuda.is_available() is False with the reason kept here.
import { registerBackend } from "../registry.ts";
import { type InitOptions, requestGpu } from "./device.ts";
import { WebGpuBackend } from "./webgpu-backend.ts";

export interface GpuStatus {
  available: boolean;
  /** Why not, when unavailable (shown to readers by the GPU lesson). */
  reason: string | null;
  backend: WebGpuBackend | null;
}

export const gpuStatus: GpuStatus = {
  available: false,
  reason: "WebGPU has not been initialised",
  backend: null,
};

let starting: Promise<GpuStatus> | null = null;

/**
 * Requests a GPU and registers the WebGPU backend for "cuda". Safe to call more than once, also
 * while a first call is still waiting for its device: callers share that attempt (two would
 * register two backends).
 */
export function initWebGPU(opts: InitOptions = {}): Promise<GpuStatus> {
  if (gpuStatus.backend !== null && gpuStatus.backend.lostReason === null)
    return Promise.resolve(gpuStatus);
  starting ??= start(opts).finally(() => {
    starting = null;
  });
  return starting;
}

async function start(opts: InitOptions): Promise<GpuStatus> {
  const ctx = await requestGpu(opts);
  if ("error" in ctx) {
    gpuStatus.available = false;
    gpuStatus.reason = ctx.error;
    return gpuStatus;
  }
  const backend = new WebGpuBackend(ctx);
  ctx.device.lost.then(() => {
    gpuStatus.available = false;
    gpuStatus.reason = backend.lostDescription;
  });
  registerBackend(backend);
  gpuStatus.available = true;
  gpuStatus.reason = null;
  gpuStatus.backend = backend;
  return gpuStatus;
}

export { WebGpuBackend };
