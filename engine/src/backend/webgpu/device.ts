// Finding a WebGPU device: navigator.gpu in a browser, or a GPU object supplied by the host
// (in Node, the `webgpu` package's Dawn). Requests the adapter's real limits, and turns a lost
// device into a state that later allocations report instead of silently falling back.

export interface GpuContext {
  /** Held so the GPU object outlives the device: Dawn in Node crashes if its instance is collected. */
  gpu: GPU;
  device: GPUDevice;
  adapterName: string;
  /** Set when the device was lost; new allocations raise with this reason. */
  lost: string | null;
}

export interface InitOptions {
  /** A GPU object (navigator.gpu or Dawn's); defaults to navigator.gpu. */
  gpu?: GPU;
  powerPreference?: GPUPowerPreference;
}

export async function requestGpu(opts: InitOptions = {}): Promise<GpuContext | { error: string }> {
  const gpu = opts.gpu ?? (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return { error: "WebGPU is not available in this browser (navigator.gpu is missing)" };
  const adapter = await gpu.requestAdapter({
    powerPreference: opts.powerPreference ?? "high-performance",
  });
  if (!adapter) return { error: "WebGPU found no suitable GPU adapter" };
  const limits: Record<string, number> = {};
  for (const key of [
    "maxStorageBufferBindingSize",
    "maxBufferSize",
    "maxComputeWorkgroupsPerDimension",
    "maxComputeInvocationsPerWorkgroup",
    "maxComputeWorkgroupSizeX",
    "maxComputeWorkgroupStorageSize",
    "maxStorageBuffersPerShaderStage",
  ] as const) {
    limits[key] = adapter.limits[key];
  }
  const device = await adapter.requestDevice({ requiredLimits: limits });
  const ctx: GpuContext = { gpu, device, adapterName: adapterName(adapter.info), lost: null };
  device.lost.then((e) => {
    // A cause set before the loss (the backend gives the device up when out of memory) stays.
    ctx.lost ??= e.message || "the GPU device was lost";
  });
  return ctx;
}

/** The parts of GPUAdapterInfo an adapter's name is made of. */
export interface AdapterNameParts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
}

/**
 * What torch.cuda.get_device_name() says: the driver's description where the host gives one
 * (Dawn in Node: "SwiftShader driver 5.0.0"), else vendor and architecture (browsers mask the
 * description: "google swiftshader", "nvidia ampere"), else the device id.
 */
export function adapterName(info: AdapterNameParts): string {
  if (info.description) return info.description;
  const va = [info.vendor, info.architecture].filter((s) => s).join(" ");
  return va || info.device || "WebGPU adapter";
}
