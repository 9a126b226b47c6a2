// Takes the README's screenshot (docs/screenshot.png) of the built English home page, using
// the same Chromium as the e2e tests. Run after a build: node scripts/screenshot.mjs
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium.ts";

const port = 4490;
const server = spawn("node", ["scripts/serve.mjs", "--dir", "dist", "--port", String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ready) => server.stdout.once("data", ready));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 720 },
    colorScheme: "dark",
  });
  await page.goto(`http://localhost:${port}/en/`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: "docs/screenshot.png" });
  console.log("wrote docs/screenshot.png");
} finally {
  await browser.close();
  server.kill();
}
