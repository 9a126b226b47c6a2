// Accessibility: axe checks every page of the build, discovered from dist/, and fails on any
// WCAG 2.0/2.1 level A or AA violation. Each page is checked in the light theme with every
// rule, then switched to the dark theme and checked again with the rules colours affect.
// The root page redirects readers by script, so it is checked as the plain chooser shown
// without it (light only: it has no dark theme).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { builtPages } from "./support/site.ts";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The rules whose outcome depends on colours, rerun in the dark theme. */
const colourRules = ["color-contrast", "link-in-text-block"];

async function violations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder.withTags(wcagTags)).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

const pages = builtPages("dist");

/**
 * Expressive Code makes a code block that scrolls sideways focusable (tabindex 0) from a
 * ResizeObserver, 250 ms after layout and then on idle: on a loaded machine that can come after
 * the load event. Wait until it has done so for every block that overflows, as a reader's page
 * does a moment after loading; a block it never marks fails here, by name.
 */
async function scrollablesFocusable(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>(".expressive-code pre")]
            .filter((pre) => pre.scrollWidth > pre.clientWidth && pre.tabIndex !== 0)
            .map((pre) => pre.textContent?.slice(0, 40)),
        ),
      { timeout: 15_000 },
    )
    .toEqual([]);
}

test("the build has pages to check", () => {
  expect(pages.length, "run the build first: dist/ has no pages").toBeGreaterThan(0);
});

for (const path of pages) {
  test(`/${path} has no WCAG 2.x A/AA violations`, async ({ page, baseURL }) => {
    // Two axe passes over a lesson with live code cells and exercises take over half the
    // default timeout on a busy 2-core machine: allow triple.
    test.slow();
    const url = new URL(path, baseURL).href;
    const isRoot = path === "";
    if (isRoot) {
      // Axe needs JavaScript, so the root's redirect script is dropped from the page instead.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
        await route.fulfill({ response, body });
      });
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url);
    await expect(page.locator("main").first()).toBeVisible();
    if (!isRoot) await scrollablesFocusable(page);
    expect(await violations(page), "light theme").toEqual([]);
    if (isRoot) return;

    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await violations(page, colourRules), "dark theme").toEqual([]);
  });
}
