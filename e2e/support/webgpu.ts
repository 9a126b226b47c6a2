// Asks the page for a WebGPU adapter and describes what it got. Kept free of @webgpu/types:
// the few members used are declared here.

export interface AdapterReport {
  /** Why no adapter was obtained; absent when one was. */
  error?: string;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

/** Runs in the page: requests an adapter through navigator.gpu. */
export async function requestAdapterInPage(): Promise<AdapterReport> {
  interface AdapterInfo {
    vendor: string;
    architecture: string;
    device: string;
    description: string;
  }
  interface Gpu {
    requestAdapter(): Promise<{ info?: AdapterInfo } | null>;
  }
  const gpu = (navigator as Navigator & { gpu?: Gpu }).gpu;
  if (!gpu) return { error: "navigator.gpu is missing (not a secure context, or WebGPU is off)" };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { error: "navigator.gpu.requestAdapter() returned null" };
  const info = adapter.info;
  return {
    vendor: info?.vendor ?? "",
    architecture: info?.architecture ?? "",
    device: info?.device ?? "",
    description: info?.description ?? "",
  };
}
