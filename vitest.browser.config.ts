// Vitest in browser mode for the suites that must run inside Chromium: the engine's
// (engine/test/**/*.browser.test.ts, the WebGPU differential suite) and the site's DOM modules
// (src/**/*.browser.test.ts). Playwright drives the
// same Chromium, with the same flags, as the e2e tests (e2e/support/chromium.ts: system Chromium,
// SwiftShader's WebGPU adapter, no sandbox as root); the page is served from http://localhost,
// a secure context, so navigator.gpu exists. `npm test -- browser` runs it.
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumLaunchOptions } from "./e2e/support/chromium.ts";

/** The adapter the flags ask Chromium for ("swiftshader"), which the suite asserts it got. */
const requestedAdapter =
  chromiumArgs.find((a) => a.startsWith("--use-webgpu-adapter="))?.split("=")[1] ?? null;

export default defineConfig({
  test: {
    include: ["engine/test/**/*.browser.test.ts", "src/**/*.browser.test.ts"],
    // Values the tests read with inject(); a browser page has no process.env.
    provide: { ci: process.env.CI === "true", requestedAdapter },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: "chromium" }],
      // The suite draws nothing: a screenshot of a failed case would only be a blank page.
      screenshotFailures: false,
    },
  },
});
