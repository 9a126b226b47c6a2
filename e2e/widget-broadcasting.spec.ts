// The broadcasting figure on the built site, in both languages: first paint without
// JavaScript, every case of its PyTorch fixture entered through its controls (sizes typed, dims
// added and dropped, the in-place box) and compared with what it shows, the keyboard, hover
// links, axe in light and dark, and no console errors.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { FixtureCase } from "../src/components/widgets/Broadcasting/model.ts";
import { fixtureCases, ready, watchErrors } from "./support/widgets.ts";

const cases = fixtureCases<FixtureCase>("Broadcasting");

const name = (c: FixtureCase) =>
  `(${c.a.join(", ")}) ${c.inplace ? "+=" : "+"} (${c.b.join(", ")})`;

async function openFigure(page: Page, href: string, nth = 0): Promise<Locator> {
  await page.goto(href);
  const figure = page.locator('[data-widget="broadcasting"]').nth(nth);
  await ready(figure);
  return figure;
}

/** Sets both shapes and the in-place box through the figure's own controls. */
async function setShapes(figure: Locator, a: number[], b: number[], inplace: boolean) {
  for (const [operand, shape] of [
    ["a", a],
    ["b", b],
  ] as const) {
    const fields = figure.locator(`input[type=number][data-operand=${operand}]`);
    const add = figure.locator(`button[data-action=add][data-operand=${operand}]`);
    const drop = figure.locator(`button[data-action=drop][data-operand=${operand}]`);
    while ((await fields.count()) < shape.length) await add.click();
    while ((await fields.count()) > shape.length) await drop.click();
    for (const [i, n] of shape.entries()) await fields.nth(i).fill(String(n));
  }
  await figure.locator("input[name=inplace]").setChecked(inplace);
  await expect(figure).toHaveAttribute("data-shapes", JSON.stringify({ a, b, inplace }));
}

for (const locale of ["en", "zh-cn"]) {
  test.describe(`broadcasting (${locale})`, () => {
    const url = `${locale}/broadcasting/`;

    test("paints both figures before any script runs", async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(url, baseURL).href);
      const figures = page.locator('[data-widget="broadcasting"]');
      await expect(figures).toHaveCount(2);
      const first = figures.first();
      await expect(first.locator(".tl-bc-out .tl-bc-size")).toHaveText(["2", "4", "3"]);
      await expect(first.locator('[data-role="c"] .tl-bc-el')).toHaveCount(24);
      await expect(figures.nth(1).locator(".tl-bc-error pre")).toHaveText(
        "RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]",
      );
      await context.close();
    });

    test("shows what PyTorch gives for every fixture case", async ({ page, baseURL }) => {
      test.slow();
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const body = figure.locator(".tl-bc-body");
      for (const c of cases) {
        const what = name(c);
        await setShapes(figure, c.a, c.b, c.inplace);
        await expect(body.locator(".tl-bc-code"), what).toHaveText(c.code);
        const marked = body.locator("thead th.is-marked");
        if (!c.result) {
          await expect(body.locator(".tl-bc-error pre"), what).toHaveText(
            `${c.type}: ${c.message}`,
          );
          const dim = /at non-singleton dimension (\d+)/.exec(c.message ?? "")?.[1];
          if (dim !== undefined) {
            await expect(marked, what).toHaveCount(1);
            await expect(body.locator(".tl-bc-why"), what).toHaveAttribute("data-dim", dim);
          } else {
            // a += b: a's shape is not the broadcast shape; the marked dims are where it differs.
            const out = /broadcast shape \[([\d, ]*)\]/.exec(c.message ?? "")?.[1] ?? "";
            const shape = out === "" ? [] : out.split(", ").map(Number);
            const lead = shape.length - c.a.length;
            const grow = shape.flatMap((n, d) => (d < lead || c.a[d - lead] !== n ? [d] : []));
            await expect(body.locator(".tl-bc-why"), what).toHaveAttribute(
              "data-dims",
              grow.join(","),
            );
            await expect(marked, what).toHaveCount(grow.length);
          }
          continue;
        }
        const r = c.result;
        await expect(marked, what).toHaveCount(0);
        await expect(body.locator(".tl-bc-out .tl-bc-size"), what).toHaveText(r.shape.map(String));
        // Stretched, as PyTorch's expand has it: stride 0 along a dim of size > 1.
        for (const [row, strides] of [
          [1, r.stridesA],
          [2, r.stridesB],
        ] as const) {
          const stretched = await body
            .locator(`tbody tr:nth-child(${row}) td`)
            .evaluateAll((tds) => tds.map((td) => td.classList.contains("is-stretched")));
          expect(stretched, what).toEqual(strides.map((s, d) => s === 0 && (r.shape[d] ?? 0) > 1));
        }
        const n = r.values.length;
        if (n === 0 || n > 64) {
          await expect(body.locator(".tl-bc-el"), what).toHaveCount(0);
          continue;
        }
        const grid = (role: string) => body.locator(`[data-role="${role}"] .tl-bc-el`);
        await expect(grid("c"), what).toHaveText(r.values.map(String));
        for (const [role, sources] of [
          ["a", r.sourcesA],
          ["b", r.sourcesB],
        ] as const) {
          expect(
            await grid(role).evaluateAll((es) => es.map((e) => e.getAttribute("data-src"))),
            what,
          ).toEqual(sources.map((s) => `${role}:${s}`));
        }
      }
      expect(errors).toEqual([]);
    });

    test("works by keyboard and links each value to the elements it adds", async ({
      page,
      baseURL,
    }) => {
      const figure = await openFigure(page, new URL(url, baseURL).href);
      // Sizes step with the arrow keys: a (2, 1, 3) becomes (2, 2, 3), which b (4, 1) cannot meet.
      const aDim1 = figure.locator("input[data-operand=a][data-dim='1']");
      await aDim1.focus();
      await page.keyboard.press("ArrowUp");
      await expect(figure).toHaveAttribute(
        "data-shapes",
        JSON.stringify({ a: [2, 2, 3], b: [4, 1], inplace: false }),
      );
      await expect(figure.locator(".tl-bc-announce")).toContainText(
        "The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 1",
      );
      // Adding a dim keeps focus on the button; dropping every dim disables the drop button and
      // moves focus to its neighbour.
      const addB = figure.locator("button[data-action=add][data-operand=b]");
      await addB.focus();
      await page.keyboard.press("Enter");
      await expect(figure.locator("input[data-operand=b]")).toHaveCount(3);
      await expect(addB).toBeFocused();
      const dropB = figure.locator("button[data-action=drop][data-operand=b]");
      for (let i = 0; i < 3; i++) {
        await dropB.focus();
        await page.keyboard.press("Enter");
      }
      await expect(dropB).toBeDisabled();
      await expect(addB).toBeFocused();
      // The in-place box toggles with Space; presets are buttons in the tab order.
      await figure.locator("input[name=inplace]").focus();
      await page.keyboard.press("Space");
      await expect(figure.locator("input[name=inplace]")).toBeChecked();
      await figure.locator("[data-preset]").first().focus();
      await page.keyboard.press("Enter");
      await expect(figure).toHaveAttribute(
        "data-shapes",
        JSON.stringify({ a: [2, 1, 3], b: [4, 1], inplace: false }),
      );
      await expect(figure.locator("input[name=inplace]")).not.toBeChecked();
      // One Tab stop for the values; arrows move within them. c[0, 1, 2] (position 5) adds
      // a[0, 0, 2] and b[1, 0]: b's element 1 is read at three positions of its row.
      const values = figure.locator('[data-role="c"] .tl-bc-el');
      await values.nth(4).focus();
      await page.keyboard.press("ArrowRight");
      await expect(values.nth(5)).toBeFocused();
      await expect(figure.locator(".tl-bc-el.is-hot")).toHaveCount(3);
      await expect(figure.locator('[data-role="b"] .is-same')).toHaveCount(6);
      await expect(figure.locator('[data-role="a"] .is-same')).toHaveCount(4);
      // Hover again if the page shifted under a resting pointer (see widgets.spec.ts).
      await expect(async () => {
        await values.nth(0).hover();
        await expect(figure.locator('[data-role="a"] .is-hot')).toHaveAttribute("data-pos", "0", {
          timeout: 1000,
        });
      }).toPass();
      // Out of range: the figure says what it takes instead of guessing.
      await aDim1.fill("12");
      await expect(figure.locator('[data-kind="invalid"]')).toBeVisible();
    });

    test("passes axe in light and dark, with values, stretching and errors", async ({
      page,
      baseURL,
    }) => {
      test.slow();
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const figure = await openFigure(page, new URL(url, baseURL).href);
        for (const [a, b, inplace] of [
          [[2, 1, 3], [4, 1], false],
          [[2, 3], [2], false],
          [[3, 1], [1, 4], true],
        ] as const) {
          await setShapes(figure, [...a], [...b], inplace);
          const results = await new AxeBuilder({ page })
            .include('[data-widget="broadcasting"]')
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
            `${theme} ${JSON.stringify([a, b, inplace])}`,
          ).toEqual([]);
        }
      }
    });
  });
}
