// End-to-end tests against the production build, served as plain static files from
// http://localhost (WebGPU needs a secure context). Which Chromium runs, and with which flags
// (a SwiftShader WebGPU adapter on GPU-less hosts), is decided in e2e/support/chromium.ts.
import { defineConfig, devices } from "@playwright/test";
import { basePathCheck } from "./e2e/support/base-check.ts";
import { chromiumLaunchOptions } from "./e2e/support/chromium.ts";
import { portFromEnv } from "./e2e/support/ports.ts";

// Fixed with TORCHLIT_E2E_PORT / TORCHLIT_E2E_BASE_PORT, else free ports chosen per run.
const port = await portFromEnv("TORCHLIT_E2E_PORT");
const basePort = await portFromEnv("TORCHLIT_E2E_BASE_PORT");

const chromium = { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { trace: "retain-on-failure" },
  projects: [
    {
      name: "site",
      testIgnore: "**/base-path.spec.ts",
      use: { ...chromium, baseURL: `http://localhost:${port}/` },
    },
    {
      name: "base-path",
      testMatch: "**/base-path.spec.ts",
      use: { ...chromium, baseURL: `http://localhost:${basePort}${basePathCheck.base}` },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs --dir dist --port ${port} --base /`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve.mjs --dir ${basePathCheck.outDir} --port ${basePort} --base ${basePathCheck.base}`,
      url: `http://localhost:${basePort}${basePathCheck.base}`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
