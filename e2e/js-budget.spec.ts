// The JavaScript budget: every built page must fetch at most 150 KB of gzipped JavaScript
// before its load event (the Python runtime, the worker and the editor load later, on intent or
// idle). Sizes are gzip -9 of the bodies, as a static host would serve them compressed.
import { gzipSync } from "node:zlib";
import { expect, type Response, test } from "@playwright/test";
import { builtPages } from "./support/site.ts";

const BUDGET_BYTES = 150 * 1024;
const isScript = (r: Response): boolean =>
  ["script", "worker"].includes(r.request().resourceType()) || /\.m?js(\?|$)/.test(r.url());

for (const path of builtPages("dist")) {
  test(`/${path} loads at most 150 KB of gzipped JavaScript before its load event`, async ({
    page,
    baseURL,
  }) => {
    const seen: Response[] = [];
    page.on("response", (r) => {
      if (isScript(r)) seen.push(r);
    });
    await page.goto(new URL(path, baseURL).href, { waitUntil: "load" });
    // What counts is what started before the load event, by the page's own clock: scripts
    // fetched on idle right after load (editors, the runtime) may arrive before goto() returns.
    const beforeLoad = new Set(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return performance
          .getEntriesByType("resource")
          .filter((r) => r.startTime < nav.loadEventStart)
          .map((r) => r.name);
      }),
    );
    let total = 0;
    const sizes: string[] = [];
    for (const r of seen.filter((r) => beforeLoad.has(r.url()))) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const gz = gzipSync(body, { level: 9 }).length;
      total += gz;
      sizes.push(`${new URL(r.url()).pathname}: ${gz} B`);
    }
    // Every Starlight page has module scripts; none measured would mean a broken filter.
    if (path !== "") expect(sizes.length, "no scripts were measured").toBeGreaterThan(0);
    test.info().annotations.push({ type: "js-gzip-bytes", description: String(total) });
    expect(total, `JavaScript before load:\n${sizes.join("\n")}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
