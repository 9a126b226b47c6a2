// The site served from a subfolder, as self-hosters do: the build made with TORCHLIT_BASE
// (see e2e/support/base-check.ts) must load every asset, link and search result from under
// that base. Runs in the "base-path" project, whose baseURL already ends in the base.
import { expect, type Page, test } from "@playwright/test";
import { basePathCheck } from "./support/base-check.ts";

/**
 * Records every request that failed or answered with an error status. Requests the browser
 * cancelled itself (net::ERR_ABORTED: a script or prefetch still loading when a click
 * navigates away, likely on a busy machine) say nothing about where assets live: not counted.
 */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText;
    if (error !== "net::ERR_ABORTED") failures.push(`${request.url()} (${error})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} (HTTP ${response.status()})`);
  });
  return failures;
}

test("the root sends readers into the base path", async ({ page, baseURL }) => {
  await page.goto("./");
  await expect(page).toHaveURL(new URL("en/", baseURL).href);
});

for (const path of ["en/", "zh-cn/", "en/gradient-descent/", "zh-cn/tensors/"]) {
  test(`/${path} loads every asset from under ${basePathCheck.base}`, async ({ page }) => {
    const failures = watchFailures(page);
    const outside: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith(basePathCheck.base)) outside.push(request.url());
    });
    await page.goto(path, { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(outside).toEqual([]);
  });
}

test("sidebar links and search results stay under the base path", async ({ page, baseURL }) => {
  const failures = watchFailures(page);
  await page.goto("en/pytorch/");
  await page
    .getByRole("navigation", { name: /main/i })
    .getByRole("link", { name: "Broadcasting" })
    .click();
  await expect(page).toHaveURL(new URL("en/broadcasting/", baseURL).href);

  await page
    .getByRole("button", { name: /search/i })
    .filter({ visible: true })
    .click();
  await page
    .getByRole("dialog")
    .getByRole("searchbox")
    .or(page.getByRole("dialog").getByRole("textbox"))
    .first()
    .fill("jacobian");
  const result = page.locator(".pagefind-ui__result-link").first();
  await expect(result).toHaveAttribute("href", new RegExp(`^${basePathCheck.base}en/jacobian/`));
  await result.click();
  await expect(page).toHaveURL(new URL("en/jacobian/", baseURL).href);
  expect(failures).toEqual([]);
});
