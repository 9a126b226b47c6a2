// End-to-end tests against the production build, served as plain static files from
// http://localhost (WebGPU needs a secure context). Browsers are never downloaded: a system
// Chromium is used when present (TORCHLIT_CHROMIUM, else /usr/bin/chromium), Playwright's own
// browser otherwise. The flags give pages a WebGPU adapter through SwiftShader on GPU-less hosts.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { basePathCheck } from "./e2e/support/base-check.ts";

const port = Number(process.env.TORCHLIT_E2E_PORT ?? 4400);
const basePort = port + 1;

function systemChromium(): string | undefined {
  const fromEnv = process.env.TORCHLIT_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TORCHLIT_CHROMIUM=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const chromiumArgs = [
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

const executablePath = systemChromium();
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
};

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
