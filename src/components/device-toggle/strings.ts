// The device toggle's reader-facing texts in each locale. DeviceToggle.astro serializes the
// page's set into a data attribute, so the client script carries no dictionary of its own.
import type { GpuProblem } from "../../runtime/host-types.ts";

export interface DeviceStrings {
  /** The radio group's label. */
  legend: string;
  cpu: string;
  gpu: string;
  /** While the worker asks the browser for a GPU. */
  checking: string;
  /** Once a GPU answered; {adapter} is the WebGPU adapter's name. */
  onGpu: string;
  /** The page itself sees no WebGPU (checked without asking for an adapter). */
  noWebGpu: string;
  /** The worker found no usable GPU; {reason} is one of `reasons`. */
  unavailable: string;
  /**
   * Why the worker found no GPU, by kind (src/runtime/gpu-problem.ts); {detail} is the
   * browser's own words (an exception's message), which stay untranslated.
   */
  reasons: Record<GpuProblem, string>;
}

const en: DeviceStrings = {
  legend: "Run code on",
  cpu: "CPU",
  gpu: "GPU",
  checking: "Looking for a GPU…",
  onGpu: "New tensors can go to the GPU (device='cuda'): {adapter}",
  noWebGpu: "GPU unavailable: this browser has no WebGPU, so code runs on the CPU.",
  unavailable: "GPU unavailable, so code runs on the CPU: {reason}",
  reasons: {
    "no-webgpu": "this browser has no WebGPU",
    "no-jspi": "this browser cannot pause Python while the GPU works (WebAssembly JSPI is missing)",
    "no-adapter": "WebGPU found no suitable GPU adapter",
    "device-lost": "the GPU stopped working (the WebGPU device was lost: {detail})",
    failed: "WebGPU could not start: {detail}",
  },
};

const zhCN: DeviceStrings = {
  legend: "代码运行于",
  cpu: "CPU",
  gpu: "GPU",
  checking: "正在查找 GPU…",
  onGpu: "新张量可以放到 GPU 上（device='cuda'）：{adapter}",
  noWebGpu: "GPU 不可用：此浏览器不支持 WebGPU，代码在 CPU 上运行。",
  unavailable: "GPU 不可用，代码在 CPU 上运行：{reason}",
  reasons: {
    "no-webgpu": "此浏览器不支持 WebGPU",
    "no-jspi": "此浏览器无法在 GPU 计算时暂停 Python（缺少 WebAssembly JSPI）",
    "no-adapter": "WebGPU 没有找到合适的 GPU 适配器",
    "device-lost": "GPU 停止了工作（WebGPU 设备已丢失：{detail}）",
    failed: "WebGPU 无法启动：{detail}",
  },
};

/** The strings for a BCP 47 language tag; English unless it is Chinese. */
export function deviceStrings(lang: string | undefined): DeviceStrings {
  return lang?.toLowerCase().startsWith("zh") ? zhCN : en;
}
