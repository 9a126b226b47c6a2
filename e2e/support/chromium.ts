// How Torchlit's tests launch Chromium, shared by the Playwright config and
// scripts/screenshot.mjs. Browsers are never downloaded: a system Chromium is used when
// present (TORCHLIT_CHROMIUM, else /usr/bin/chromium), Playwright's own browser otherwise.
// The flags give pages a WebGPU adapter through SwiftShader on hosts without a GPU.
import { existsSync } from "node:fs";

/** The system Chromium to drive, or undefined to use Playwright's own browser. */
export function systemChromium(): string | undefined {
  const fromEnv = process.env.TORCHLIT_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TORCHLIT_CHROMIUM=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const chromiumArgs = [
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--use-vulkan=swiftshader",
  "--use-webgpu-adapter=swiftshader",
  "--disable-vulkan-surface",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Chromium refuses to start its sandbox as root (containers, CI).
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];

/** Options for chromium.launch() / Playwright's launchOptions. */
export function chromiumLaunchOptions(): { args: string[]; executablePath?: string } {
  const executablePath = systemChromium();
  return { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) };
}
