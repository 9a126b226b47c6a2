// Accessibility: axe checks every page of the build, discovered from dist/, in light and dark
// themes, and fails on any WCAG 2.0/2.1 level A or AA violation. The root page redirects
// readers by script, so it is checked as the plain language chooser shown without it.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { builtPages } from "./support/site.ts";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

const pages = builtPages("dist");

test("the build has pages to check", () => {
  expect(pages.length, "run the build first: dist/ has no pages").toBeGreaterThan(0);
});

for (const path of pages) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`/${path} has no WCAG 2.x A/AA violations (${colorScheme})`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const url = new URL(path, baseURL).href;
      if (path === "") {
        // Axe needs JavaScript, so the root's redirect script is dropped from the page instead.
        await page.route(url, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
          await route.fulfill({ response, body });
        });
      }
      await page.goto(url);
      await expect(page.locator("main").first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }
}
