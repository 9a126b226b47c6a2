// Takes the README's screenshots of the built site, using the same Chromium as the e2e tests:
// the English home page (docs/screenshot.png) and each widget in English light and Chinese dark
// (docs/screenshots/). Run after a build: node scripts/screenshot.mjs; with names
// (node scripts/screenshot.mjs gradient-descent), only the figures whose file starts with one of
// them, and not the home page, so the other PNGs are left as they are.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium.ts";

/**
 * [file, page, which figure on it, colour scheme, a preset button to press first, then the
 * figure's data-action buttons to press].
 */
const FIGURES = [
  ["tensor-memory-en-light", "en/memory/", 0, "light", "x[1:, ::2]"],
  ["tensor-memory-zh-cn-dark", "zh-cn/memory/", 0, "dark", "x.t().view(12)"],
  ["broadcasting-en-light", "en/broadcasting/", 0, "light", null],
  ["broadcasting-zh-cn-dark", "zh-cn/broadcasting/", 1, "dark", null],
  ["autograd-graph-en-light", "en/autograd/", 0, "light", null, ["step", "step", "step"]],
  ["autograd-graph-zh-cn-dark", "zh-cn/autograd/", 0, "dark", null, ["all", "again"]],
  ["jacobian-en-light", "en/jacobian/", 0, "light", null],
  ["jacobian-zh-cn-dark", "zh-cn/jacobian/", 0, "dark", "v = e1"],
  // Measured on the screenshot's own machine when taken (SwiftShader here): run, then wait.
  ["device-timing-en-light", "en/gpu/", 0, "light", null, ["run"]],
  ["device-timing-zh-cn-dark", "zh-cn/gpu/", 0, "dark", null, ["run"]],
  ["gradient-descent-en-light", "en/gradient-descent/", 0, "light", null],
  ["gradient-descent-zh-cn-dark", "zh-cn/linear-regression/", 0, "dark", null],
];
const only = process.argv.slice(2);
const chosen = only.length
  ? FIGURES.filter(([file]) => only.some((o) => file.startsWith(o)))
  : FIGURES;

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
  if (!only.length) {
    await page.goto(`http://localhost:${port}/en/`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: "docs/screenshot.png" });
    console.log("wrote docs/screenshot.png");
  }
  for (const [file, path, nth, scheme, preset, actions = []] of chosen) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`http://localhost:${port}/${path}`);
    const figure = page.locator("[data-widget]").nth(nth);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('form[data-ready="true"]').waitFor();
    if (preset) await figure.getByRole("button", { name: preset, exact: true }).click();
    for (const action of actions) await figure.locator(`[data-action="${action}"]`).click();
    // A figure that measures says when it is done.
    if (actions.includes("run"))
      await figure.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    // The sticky page header would cover the top of a tall figure.
    await page.addStyleTag({ content: "header { position: static !important; }" });
    await page.evaluate(() => document.fonts.ready);
    await figure.screenshot({ path: `docs/screenshots/${file}.png` });
    console.log(`wrote docs/screenshots/${file}.png`);
  }
} finally {
  await browser.close();
  server.kill();
}
