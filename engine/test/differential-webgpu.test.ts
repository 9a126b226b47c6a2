// The differential suite on WebGPU in Node, through Dawn (the `webgpu` package; npm test -w
// engine starts Node through scripts/vulkan-env.mjs so Dawn finds a Vulkan driver). The cases,
// mappings and accounting are in differential-webgpu-suite.ts, shared with the Chromium run
// (differential-webgpu.browser.test.ts). Under CI=true a missing adapter fails the run.

import { vi } from "vitest";
import { initWebGPU } from "../src/backend/webgpu/index.ts";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { describeWebGpuDifferential, GPU_TEST_TIMEOUT_MS } from "./differential-webgpu-suite.ts";

vi.setConfig({ testTimeout: GPU_TEST_TIMEOUT_MS });

await describeWebGpuDifferential({
  host: "Node (Dawn)",
  status: await initWebGPU({ gpu: (await nodeGpu()) ?? undefined }),
  ci: process.env.CI === "true",
});
