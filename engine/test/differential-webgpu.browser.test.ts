// The differential suite on WebGPU inside Chromium, through navigator.gpu (Vitest's browser
// mode: vitest.browser.config.ts at the repository root, `npm test -- browser`). The cases,
// mappings and accounting are in differential-webgpu-suite.ts, shared with the Node run through
// Dawn. It asserts the adapter the page sees is the one the engine runs on, and the one the
// launch flags asked for; under CI=true a missing adapter fails the run.

import { expect, inject, vi } from "vitest";
import { adapterName } from "../src/backend/webgpu/device.ts";
import { initWebGPU } from "../src/backend/webgpu/index.ts";
import { describeWebGpuDifferential, GPU_TEST_TIMEOUT_MS } from "./differential-webgpu-suite.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** CI=true on the host that started the browser. */
    ci: boolean;
    /** The adapter Chromium's flags request (--use-webgpu-adapter), or null for its default. */
    requestedAdapter: string | null;
  }
}

vi.setConfig({ testTimeout: GPU_TEST_TIMEOUT_MS });

/** The page's own view of its adapter, independent of the engine's. */
async function checkAdapter(engineName: string): Promise<void> {
  const adapter = await navigator.gpu.requestAdapter();
  expect(adapter, "navigator.gpu.requestAdapter()").not.toBeNull();
  const { vendor, architecture, description } = (adapter as GPUAdapter).info;
  console.info(
    `Chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "?"} at ${location.origin}: ` +
      `adapter vendor "${vendor}", architecture "${architecture}", description "${description}"`,
  );
  // The engine names the adapter it got as the page's own adapter is named.
  expect(engineName).toBe(adapterName((adapter as GPUAdapter).info));
  const requested = inject("requestedAdapter");
  if (requested !== null)
    expect(`${vendor} ${architecture} ${description}`.toLowerCase()).toContain(requested);
}

await describeWebGpuDifferential({
  host: "Chromium",
  status: await initWebGPU(),
  ci: inject("ci"),
  checkAdapter,
});
