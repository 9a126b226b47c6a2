// Takes the reader-experience screenshots of the built site (docs/screenshots/pages/): the home
// page, a lesson, an exercise and search, in both languages, light and dark, at desktop and
// phone width, with the same Chromium as the e2e tests. It refuses to run without a CJK font
// (fonts-noto-cjk on Debian), so the Chinese pages look as a typical reader sees them (the site
// serves no CJK font: docs/DECISIONS.md). Run after a build: node scripts/screenshot-pages.mjs
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium.ts";

const cjk = (() => {
  try {
    return execFileSync("fc-list", [":lang=zh-cn", "family"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
})();
if (!cjk) {
  console.error(
    "screenshot-pages: no CJK font found (fc-list :lang=zh-cn); on Debian: apt-get install fonts-noto-cjk",
  );
  process.exit(1);
}

/** [name, path under the locale, what to do before the shot]. */
const SHOTS = [
  ["home", "", null],
  ["lesson", "broadcasting/", null],
  ["exercise", "tensors/", "exercise"],
  ["search", "tensors/", "search"],
];
const VIEWPORTS = [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 360, height: 740 }],
];
const QUERY = { en: "broadcast", "zh-cn": "广播" };

const out = "docs/screenshots/pages";
mkdirSync(out, { recursive: true });
const port = 4491;
const server = spawn("node", ["scripts/serve.mjs", "--dir", "dist", "--port", String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ready) => server.stdout.once("data", ready));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const locale of ["en", "zh-cn"])
    for (const scheme of ["light", "dark"])
      for (const [device, viewport] of VIEWPORTS) {
        const page = await browser.newPage({ viewport, colorScheme: scheme });
        await page.addInitScript((s) => localStorage.setItem("starlight-theme", s), scheme);
        for (const [name, path, action] of SHOTS) {
          await page.goto(`http://localhost:${port}/${locale}/${path}`);
          await page.evaluate(() => document.fonts.ready);
          if (action === "exercise") {
            const ex = page.locator("[data-tl-exercise]").first();
            await ex.scrollIntoViewIfNeeded();
            await page.evaluate(() => window.scrollBy(0, -80));
          } else if (action === "search") {
            await page.locator("button[data-open-modal]").first().click();
            await page
              .locator("dialog input[type=search], dialog input")
              .first()
              .fill(QUERY[locale]);
            await page.locator("dialog .pagefind-ui__result").first().waitFor({ timeout: 15_000 });
            await page.waitForTimeout(300);
          }
          const file = `${out}/${name}-${locale}-${scheme}-${device}.png`;
          await page.screenshot({ path: file });
          console.log(`wrote ${file}`);
        }
        await page.close();
      }
} finally {
  await browser.close();
  server.kill();
}
