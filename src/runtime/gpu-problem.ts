// Why the worker has no GPU, as a kind the page can put in the reader's language (the device
// section of src/i18n) plus the English text and any detail from the browser, which stays as is.
// Pure functions over strings: the worker imports them, and so may the page and unit tests.
import type { GpuProblem } from "./host-types.ts";

export interface GpuUnavailable {
  problem: GpuProblem;
  /** The browser's or driver's own words (an exception's message), when there are any. */
  detail: string | null;
  /** The whole explanation in English, as host.gpuInfo() reports it. */
  reason: string;
}

const english: Record<GpuProblem, (detail: string | null) => string> = {
  "no-webgpu": () => "WebGPU is not available in this browser (navigator.gpu is missing)",
  "no-jspi": () =>
    "this browser cannot pause Python while the GPU works (WebAssembly JSPI is missing)",
  "no-adapter": () => "WebGPU found no suitable GPU adapter",
  "device-lost": (detail) => `the WebGPU device was lost: ${detail ?? ""}`,
  failed: (detail) => `WebGPU could not start: ${detail ?? ""}`,
};

export function gpuUnavailable(problem: GpuProblem, detail: string | null = null): GpuUnavailable {
  return { problem, detail, reason: english[problem](detail) };
}

/**
 * The kind of an engine status's reason (initWebGPU() reports only English text: these are the
 * texts of engine/src/backend/webgpu, pinned by gpu-problem.test.ts). Anything else is "failed",
 * with the engine's text as the detail.
 */
export function fromEngineReason(reason: string | null): GpuUnavailable {
  const text = reason ?? "";
  if (/navigator\.gpu is missing/.test(text)) return gpuUnavailable("no-webgpu");
  if (/no suitable GPU adapter/.test(text)) return gpuUnavailable("no-adapter");
  // "the WebGPU device was lost (<the browser's message>); GPU tensors are no longer available"
  const lost = /^the WebGPU device was lost(?: \((.*)\)|: (.*))?/s.exec(text);
  if (lost) return gpuUnavailable("device-lost", lost[1] ?? lost[2] ?? null);
  return gpuUnavailable("failed", text || null);
}
