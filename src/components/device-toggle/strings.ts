// The device toggle's reader-facing texts in each locale. DeviceToggle.astro serializes the
// page's set into a data attribute, so the client script carries no dictionary of its own.

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
  /** The worker found no usable GPU; {reason} is its (English) explanation. */
  unavailable: string;
}

const en: DeviceStrings = {
  legend: "Run code on",
  cpu: "CPU",
  gpu: "GPU",
  checking: "Looking for a GPU…",
  onGpu: "New tensors can go to the GPU (device='cuda'): {adapter}",
  noWebGpu: "GPU unavailable: this browser has no WebGPU, so code runs on the CPU.",
  unavailable: "GPU unavailable, so code runs on the CPU: {reason}",
};

const zhCN: DeviceStrings = {
  legend: "代码运行于",
  cpu: "CPU",
  gpu: "GPU",
  checking: "正在查找 GPU…",
  onGpu: "新张量可以放到 GPU 上（device='cuda'）：{adapter}",
  noWebGpu: "GPU 不可用：此浏览器不支持 WebGPU，代码在 CPU 上运行。",
  unavailable: "GPU 不可用，代码在 CPU 上运行：{reason}",
};

/** The strings for a BCP 47 language tag; English unless it is Chinese. */
export function deviceStrings(lang: string | undefined): DeviceStrings {
  return lang?.toLowerCase().startsWith("zh") ? zhCN : en;
}
