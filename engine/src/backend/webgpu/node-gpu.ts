// WebGPU in Node through the `webgpu` package (Dawn). Dawn reads its Vulkan driver variables
// only at process start, so the CLI and the test launcher set them before starting Node
// (see vulkanEnv); this module just creates the GPU object. Never imported by browser code.

/** Environment that lets Dawn find a software Vulkan driver when no GPU driver is set up. */
export function vulkanEnv(
  env: NodeJS.ProcessEnv,
  exists: (p: string) => boolean,
): Record<string, string> {
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES) return {};
  const swiftshader = "/usr/lib/chromium/vk_swiftshader_icd.json";
  if (exists(swiftshader)) {
    const ld = env.LD_LIBRARY_PATH
      ? `/usr/lib/chromium:${env.LD_LIBRARY_PATH}`
      : "/usr/lib/chromium";
    return { VK_ICD_FILENAMES: swiftshader, LD_LIBRARY_PATH: ld };
  }
  return {};
}

/** The GPU object of Dawn's Node binding, or null when the package or an adapter is missing. */
export async function nodeGpu(): Promise<GPU | null> {
  try {
    const mod = (await import("webgpu")) as {
      create: (flags: string[]) => GPU;
      globals: Record<string, unknown>;
    };
    Object.assign(globalThis, mod.globals);
    return mod.create([]);
  } catch {
    return null;
  }
}
