// The widgets on the built site, in both languages: first paint without JavaScript, then every
// case of a widget's PyTorch fixture entered through its controls and compared with what the
// figure shows, the keyboard, hover links, axe in light and dark, and no console errors.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { FixtureCase } from "../src/components/widgets/TensorMemory/model.ts";
import { fixtureCases, ready, watchErrors } from "./support/widgets.ts";

const memoryCases = fixtureCases<FixtureCase>("TensorMemory");

const tuple = (xs: number[]): string => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`);

async function openFigure(page: Page, href: string): Promise<Locator> {
  await page.goto(href);
  const figure = page.locator('[data-widget="tensor-memory"]');
  await ready(figure);
  return figure;
}

async function show(figure: Locator, base: string, expression: string): Promise<void> {
  await figure.locator("select").selectOption(base);
  await figure.locator("input[name=expression]").fill(expression);
  await figure.locator("input[name=expression]").press("Enter");
  await expect(figure).toHaveAttribute("data-expression", expression);
}

for (const locale of ["en", "zh-cn"]) {
  test.describe(`tensor-memory (${locale})`, () => {
    const url = `${locale}/memory/`;

    test("paints the figure before any script runs", async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(url, baseURL).href);
      const figure = page.locator('[data-widget="tensor-memory"]');
      await expect(figure).toHaveCount(1);
      await expect(figure.locator(".tl-tm-storage li")).toHaveCount(12);
      await expect(figure.locator(".tl-tm-error pre")).toContainText(
        "RuntimeError: view size is not compatible",
      );
      await expect(figure.locator(".tl-tm-dims .is-marked")).toHaveCount(6);
      await context.close();
    });

    test("shows what PyTorch gives for every fixture case", async ({ page, baseURL }) => {
      test.slow();
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      for (const c of memoryCases) {
        await show(figure, c.base, c.expression);
        const body = figure.locator(".tl-tm-body");
        if (!c.result) {
          await expect(body.locator(".tl-tm-error pre"), c.expression).toHaveText(
            `${c.type}: ${c.message}`,
          );
          continue;
        }
        const r = c.result;
        const els = body.locator(".tl-tm-el");
        expect(
          await els.evaluateAll((es) => es.map((e) => Number(e.getAttribute("data-cell")))),
          c.expression,
        ).toEqual(r.cells);
        expect(await els.allTextContents(), c.expression).toEqual(r.values.map(String));
        const column = c.expression === "x" ? 2 : 3;
        const cell = (row: number) =>
          body.locator(`.tl-tm-table tbody tr:nth-child(${row}) td:nth-child(${column})`);
        await expect(cell(1), c.expression).toHaveText(`torch.Size([${r.shape.join(", ")}])`);
        await expect(cell(2), c.expression).toHaveText(tuple(r.strides));
        await expect(cell(3), c.expression).toHaveText(String(r.offset));
        await expect(cell(4), c.expression).toHaveText(r.contiguous ? "True" : "False");
        if (c.expression !== "x")
          await expect(body.locator(".tl-tm-summary"), c.expression).toHaveAttribute(
            "data-kind",
            r.sharesStorage ? "view" : "copy",
          );
        if (r.sharesStorage) {
          const covered = await body
            .locator(".tl-tm-storage")
            .first()
            .locator("li.is-covered")
            .evaluateAll((es) => es.map((e) => Number(e.getAttribute("data-cell"))));
          expect(covered, c.expression).toEqual([...new Set(r.cells)].sort((a, b) => a - b));
        } else {
          await expect(
            body.locator(".tl-tm-storage").nth(1).locator("li"),
            c.expression,
          ).toHaveCount(r.storageSize);
        }
      }
      expect(errors).toEqual([]);
    });

    test("marks the dims view() cannot merge, and refuses what it cannot read", async ({
      page,
      baseURL,
    }) => {
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await show(figure, "torch.arange(24).view(2, 3, 4)", "x.transpose(1, 2).view(2, 12)");
      const marked = figure.locator(".tl-tm-dims thead .is-marked");
      await expect(marked).toHaveText(
        locale === "en" ? ["dim 1", "dim 2"] : ["第 1 维", "第 2 维"],
      );
      await expect(figure.locator(".tl-tm-mismatch")).toHaveAttribute("data-dims", "1,2");
      await show(figure, "torch.arange(12).view(3, 4)", "x.sum()");
      await expect(figure.locator('[data-kind="unsupported"]')).toContainText(
        locale === "en" ? "position 2" : "第 2 个字符",
      );
    });

    test("works by keyboard, and links elements to their storage cells", async ({
      page,
      baseURL,
    }) => {
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator("input[name=expression]").focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("x[1:, ::2]");
      await page.keyboard.press("Enter");
      await expect(figure).toHaveAttribute("data-expression", "x[1:, ::2]");
      // Presets are buttons in the tab order.
      await figure.locator("[data-expression='x.t()']").focus();
      await page.keyboard.press("Enter");
      await expect(figure).toHaveAttribute("data-expression", "x.t()");
      // The outcome is announced in words (the figure itself is not a live region).
      await expect(figure.locator(".tl-tm-announce")).toContainText("x.t()");
      await expect(figure.locator(".tl-tm-announce")).toContainText("(1, 4)");
      // One Tab stop for the cells; arrows move within them. x.t()[0, 1] is x[1, 0]: cell 4.
      const first = figure.locator(".tl-tm-el").first();
      await first.focus();
      await page.keyboard.press("ArrowRight");
      await expect(figure.locator(".tl-tm-el").nth(1)).toBeFocused();
      await expect(figure.locator(".tl-tm-cell.is-hot")).toHaveAttribute("data-cell", "4");
      // Hovered again until it holds: once in CI the pointer landed on the element below
      // (cell 9), as if the page moved during the hover. The assertion itself is unchanged.
      await expect(async () => {
        await figure.locator(".tl-tm-el").nth(2).hover();
        await expect(figure.locator(".tl-tm-cell.is-hot")).toHaveAttribute("data-cell", "8", {
          timeout: 1000,
        });
      }).toPass();
      await expect(figure.locator(".tl-tm-el").nth(1)).toHaveAttribute("tabindex", "0");
    });

    test("passes axe in light and dark with an error shown", async ({ page, baseURL }) => {
      test.slow();
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(new URL(url, baseURL).href);
        const figure = page.locator('[data-widget="tensor-memory"]');
        await ready(figure);
        for (const expression of ["x.t().view(12)", "x.expand(2, 3, 4)"]) {
          await show(figure, "torch.arange(12).view(3, 4)", expression);
          const results = await new AxeBuilder({ page })
            .include('[data-widget="tensor-memory"]')
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
            `${theme} ${expression}`,
          ).toEqual([]);
        }
      }
    });
  });
}

test("the tensors lesson has the figure in both languages", async ({ page, baseURL }) => {
  for (const locale of ["en", "zh-cn"]) {
    await page.goto(new URL(`${locale}/tensors/`, baseURL).href);
    const figure = page.locator('[data-widget="tensor-memory"]');
    await ready(figure);
    await figure.locator("[data-expression='x[:, 1]']").click();
    await expect(figure.locator(".tl-tm-storage").first().locator("li.is-covered")).toHaveCount(3);
  }
});
