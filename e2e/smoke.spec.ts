// Smoke test of the built site: the root picks the reader's language, both locales render
// with math and highlighted code, the language switch keeps the lesson, search finds
// lessons, and pages get a WebGPU adapter (required under CI=true).
import { expect, type Page, test } from "@playwright/test";
import { locales } from "./support/site.ts";
import { requestAdapterInPage } from "./support/webgpu.ts";

for (const [browserLocale, expected] of [
  ["zh-CN", "zh-cn"],
  ["en-US", "en"],
  ["fr-FR", "en"],
] as const) {
  test.describe(`a reader whose browser prefers ${browserLocale}`, () => {
    test.use({ locale: browserLocale });

    test(`is sent from the root to /${expected}/`, async ({ page, baseURL }) => {
      await page.goto("./");
      await expect(page).toHaveURL(new URL(`${expected}/`, baseURL).href);
      await expect(page.locator("html")).toHaveAttribute(
        "lang",
        expected === "en" ? "en" : "zh-CN",
      );
    });
  });
}

test("the root offers both languages as plain links without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./");
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", "en/");
  await expect(page.getByRole("link", { name: "简体中文" })).toHaveAttribute("href", "zh-cn/");
  await context.close();
});

const titles = { en: "Creating and operating on tensors", "zh-cn": "创建与操作张量" };

for (const locale of locales) {
  test(`the ${locale.label} tensors lesson shows highlighted Python`, async ({ page }) => {
    await page.goto(`${locale.prefix}/tensors/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles[locale.prefix]);
    const code = page.locator(".expressive-code pre[data-language='python']").first();
    await expect(code).toContainText("torch.tensor(");
    // Shiki colours tokens with inline custom properties; plain text would have none.
    await expect(code.locator("span[style*='--']").first()).toBeVisible();
  });

  test(`the ${locale.label} gradient-descent lesson renders its formula`, async ({ page }) => {
    await page.goto(`${locale.prefix}/gradient-descent/`);
    const display = page.locator(".katex-display").first();
    await expect(display).toBeVisible();
    await expect(display.locator("annotation")).toContainText("\\theta_{t+1}");
    // The KaTeX stylesheet is served by the site itself: its fonts must load.
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px "KaTeX_Main"')))
      .toBe(true);
  });
}

async function switchLanguage(page: Page, label: string) {
  // The select only navigates once Starlight's custom element is defined; on a loaded machine a
  // fresh page can show its heading before its module scripts have run.
  await page.waitForFunction(() => customElements.get("starlight-lang-select") !== undefined);
  await page
    .getByRole("combobox", { name: /select language|选择语言/i })
    .filter({ visible: true })
    .selectOption({ label });
}

test("the language switch moves between locales and keeps the lesson", async ({ page }) => {
  await page.goto("en/broadcasting/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Broadcasting");
  await switchLanguage(page, "简体中文");
  await expect(page).toHaveURL(/\/zh-cn\/broadcasting\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("广播机制");
  await switchLanguage(page, "English");
  await expect(page).toHaveURL(/\/en\/broadcasting\/$/);
});

test("the sidebar groups lessons under the course's sections", async ({ page }) => {
  await page.goto("zh-cn/pytorch/");
  const groups = page.getByRole("navigation", { name: /main|主/i }).locator("details");
  await expect(groups.locator(":scope > summary")).toHaveText([
    "PyTorch介绍",
    "环境配置",
    "数据操作",
    "梯度下降",
    "综合练习",
  ]);
  await expect(groups.nth(2).getByRole("link")).toHaveText([
    "创建与操作张量",
    "广播机制",
    "运算的内存开销",
    "张量与 NumPy 相互转换",
    "GPU 上的张量",
  ]);
  await expect(groups.nth(3).getByRole("link")).toHaveText([
    "梯度下降",
    "自动求梯度",
    "梯度与雅可比矩阵",
  ]);
  await expect(groups.nth(4).getByRole("link")).toHaveText(["线性回归：从零实现到简洁实现"]);
});

for (const { prefix, query, hit } of [
  { prefix: "en", query: "broadcasting", hit: "Broadcasting" },
  { prefix: "zh-cn", query: "雅可比", hit: "梯度与雅可比矩阵" },
]) {
  test(`search on /${prefix}/ finds a lesson for "${query}"`, async ({ page }) => {
    await page.goto(`${prefix}/`);
    await page
      .getByRole("button", { name: /search|搜索/i })
      .filter({ visible: true })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("searchbox").or(dialog.getByRole("textbox")).first().fill(query);
    const result = dialog.locator(".pagefind-ui__result-link").filter({ hasText: hit }).first();
    await expect(result).toBeVisible();
    await expect(result).toHaveAttribute("href", new RegExp(`/${prefix}/`));
  });
}

test("pages get a WebGPU adapter", async ({ page }) => {
  await page.goto("en/");
  const report = await page.evaluate(requestAdapterInPage);
  if (report.error && !process.env.CI) {
    console.warn(
      `\n!!! WebGPU: ${report.error}. GPU features are untested here (CI=true fails).\n`,
    );
    test.skip(true, `no WebGPU adapter: ${report.error}`);
  }
  expect(report.error, "a WebGPU adapter is required").toBeUndefined();
  test.info().annotations.push({
    type: "webgpu-adapter",
    description: `${report.vendor} ${report.architecture} ${report.description}`.trim(),
  });
});
