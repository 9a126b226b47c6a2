// Which backend serves each device: the CPU backend always, the WebGPU backend once initWebGPU
// has registered it as "cuda". Below the tensor layer, so a backend registers itself without
// importing tensors.
import { runtimeError } from "../core/errors.ts";
import type { Backend, DeviceType } from "./backend.ts";
import { cpu } from "./cpu/cpu-backend.ts";

const backends: Partial<Record<DeviceType, Backend>> = { cpu };

/** Registers the backend that serves a device (the WebGPU backend registers "cuda"). */
export function registerBackend(b: Backend): void {
  backends[b.device] = b;
}

export function backendFor(device: DeviceType): Backend {
  const b = backends[device];
  if (!b) {
    throw runtimeError(
      device === "cuda"
        ? "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx"
        : `no backend for device ${device}`,
    );
  }
  return b;
}
