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
    let loaded = false;
    page.on("response", (r) => {
      if (!loaded && isScript(r)) seen.push(r);
    });
    // The root redirects by script; what counts is what it fetches itself, so stop there.
    await page.goto(new URL(path, baseURL).href, { waitUntil: "load" });
    loaded = true;
    let total = 0;
    const sizes: string[] = [];
    for (const r of seen) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      const gz = gzipSync(body, { level: 9 }).length;
      total += gz;
      sizes.push(`${new URL(r.url()).pathname}: ${gz} B`);
    }
    test.info().annotations.push({ type: "js-gzip-bytes", description: String(total) });
    expect(total, `JavaScript before load:\n${sizes.join("\n")}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
