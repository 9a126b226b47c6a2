// GPU tests on lesson pages: ask the page for a WebGPU adapter (a test skips without one
// locally, and fails under CI=true), choose GPU in the device toggle, and read the runtime
// host's GPU report (adapter name, kernel dispatches) that src/runtime/host.ts exposes for tests.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { adapterName } from "torchlit";
import type { GpuInfo } from "../../src/runtime/host-types.ts";
import { type AdapterReport, requestAdapterInPage } from "./webgpu.ts";

export type { GpuInfo };

/** The page's runtime host's GPU report (host.gpuInfo()). */
export const gpuInfo = (page: Page): Promise<GpuInfo> =>
  page.evaluate(() => {
    const host = (globalThis as { __torchlitHost?: { gpuInfo(): Promise<GpuInfo> } })
      .__torchlitHost;
    if (!host) throw new Error("no runtime host on this page");
    return host.gpuInfo();
  });

/**
 * The page's WebGPU adapter. Without one the test is skipped here, but under CI=true it fails:
 * CI must run the GPU tests, never report them as skipped or passed.
 */
export async function requireAdapter(page: Page): Promise<AdapterReport> {
  const report = await page.evaluate(requestAdapterInPage);
  if (report.error) {
    expect(process.env.CI, `CI needs a WebGPU adapter: ${report.error}`).toBeFalsy();
    test.skip(true, `no WebGPU adapter here: ${report.error}`);
  }
  return report;
}

/** The lesson page's CPU/GPU radio group (English or Chinese label). */
export const deviceToggle = (page: Page): Locator =>
  page.getByRole("group", { name: /^(Run code on|代码运行于)$/ });

/**
 * The worker's WebGPU is up on the page's own adapter, named as the engine names adapters
 * ("google swiftshader" for SwiftShader in Chromium, which masks the description).
 */
export function expectPageAdapter(info: GpuInfo, adapter: AdapterReport): void {
  expect(info.available, info.reason ?? "").toBe(true);
  expect(info.adapter).toBe(
    adapterName({
      vendor: adapter.vendor ?? "",
      architecture: adapter.architecture ?? "",
      device: adapter.device ?? "",
      description: adapter.description ?? "",
    }),
  );
}

/**
 * Chooses GPU in the device toggle, waits until the worker has WebGPU on the page's adapter,
 * and returns the report before any of the test's own runs, so later dispatch counts can be
 * compared with it.
 */
export async function chooseGpu(page: Page, adapter: AdapterReport): Promise<GpuInfo> {
  const gpu = deviceToggle(page).getByRole("radio", { name: "GPU" });
  await expect(gpu).toBeEnabled();
  await gpu.check();
  await expect(page.locator("[data-tl-device]")).toHaveAttribute("data-gpu", "available", {
    timeout: 60_000,
  });
  const info = await gpuInfo(page);
  expectPageAdapter(info, adapter);
  test.info().annotations.push({ type: "adapter", description: info.adapter as string });
  return info;
}

/** Asserts that kernels ran on the same adapter since `before`; returns the new report. */
export async function expectDispatchedSince(page: Page, before: GpuInfo): Promise<GpuInfo> {
  const after = await gpuInfo(page);
  expect(after.available, after.reason ?? "").toBe(true);
  expect(after.adapter).toBe(before.adapter);
  expect(after.dispatches).toBeGreaterThan(before.dispatches);
  return after;
}
