// Each lesson's notebook download: the lesson page links to it, and its code cells (exercise
// cells aside) are exactly the page's runnable cells, in page order.
import { expect, test } from "@playwright/test";
import { lessonSlugs } from "../src/sidebar.ts";
import { locales } from "./support/site.ts";

// One test walks every lesson of a locale: long pages take their time to load.
test.describe.configure({ timeout: 120_000 });

for (const locale of locales) {
  test(`${locale.label} lesson notebooks hold the pages' code cells`, async ({ page, request }) => {
    for (const lesson of lessonSlugs) {
      await page.goto(`${locale.prefix}/${lesson}/`);
      const link = page.locator(".tl-notebook-link a");
      await expect(link).toHaveAttribute("download", `${lesson}.ipynb`);
      const href = (await link.getAttribute("href")) ?? "";
      const nb = await (await request.get(new URL(href, page.url()).href)).json();
      expect(nb).toMatchObject({ nbformat: 4 });
      const cells = (nb.cells as { cell_type: string; metadata: object; source: string[] }[])
        .filter((c) => c.cell_type === "code" && !("torchlit" in c.metadata))
        .map((c) => c.source.join(""));
      const pageCells = await page
        .locator("[data-tl-cell]")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-source") ?? ""));
      expect(cells, lesson).toEqual(pageCells);
    }
  });
}
