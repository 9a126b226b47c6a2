// The Jacobian figure on the built site, in both languages: first paint without JavaScript,
// every case of its PyTorch fixture entered through its controls (f picked, x and v typed) and
// compared with what it shows, the keyboard (handles moved with the arrow keys, v = e1 / e2),
// a drag of each handle, axe in light and dark, no console errors, and no overflow at 360 px.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { FixtureCase } from "../src/components/widgets/Jacobian/model.ts";
import { fixtureCases, ready, watchErrors } from "./support/widgets.ts";

const cases = fixtureCases<FixtureCase>("Jacobian");

const find = (fn: string, x: number[], v: number[]): FixtureCase => {
  const c = cases.find((c) => c.fn === fn && `${c.x}` === `${x}` && `${c.v}` === `${v}`);
  if (!c) throw new Error(`no fixture case ${fn} ${x} ${v}`);
  return c;
};

async function openFigure(page: Page, href: string): Promise<Locator> {
  await page.goto(href);
  const figure = page.locator('[data-widget="jacobian"]');
  await ready(figure);
  return figure;
}

/** What the figure shows: its state and each readout's text, read in one round trip. */
const shown = (figure: Locator) =>
  figure.evaluate((el) => {
    const text = (key: string) =>
      el.querySelector(`[data-readout="${key}"] pre`)?.textContent ?? null;
    return {
      state: el.getAttribute("data-state"),
      y: text("y"),
      J: text("J"),
      vJ: text("vJ"),
      grad: text("grad"),
      rows: [text("row1"), text("row2")],
      stacked: text("stacked"),
      equal: el.querySelector(".tl-jac-equal")?.getAttribute("data-equal") ?? null,
    };
  });

/** The readouts show what PyTorch printed for this case. */
async function expectCase(figure: Locator, c: FixtureCase): Promise<void> {
  await expect
    .poll(() => shown(figure), { message: `${c.fn} x=(${c.x}) v=(${c.v})` })
    .toEqual({
      state: JSON.stringify({ fn: c.fn, x: c.x, v: c.v }),
      y: c.y,
      J: c.J,
      vJ: c.vJ,
      grad: c.grad,
      rows: c.rows,
      stacked: c.J,
      equal: String(c.vJ === c.grad),
    });
}

async function setState(figure: Locator, c: FixtureCase): Promise<void> {
  await figure.locator("select[name=fn]").selectOption(c.fn);
  for (const [name, p] of [
    ["x", c.x],
    ["v", c.v],
  ] as const)
    for (const i of [0, 1]) {
      const input = figure.locator(`input[name=${name}${i}]`);
      if (Number(await input.inputValue()) !== p[i]) await input.fill(String(p[i]));
    }
}

/** The page position of a point of one of the planes, through the SVG's own transform. */
async function planePoint(figure: Locator, plane: "in" | "out", p: [number, number]) {
  return figure.locator(`svg[data-plane="${plane}"]`).evaluate((svg, [u, w]) => {
    const frame =
      svg.getAttribute("data-plane") === "in"
        ? { cx: 0, cy: 0, half: 3.25 }
        : (JSON.parse(svg.getAttribute("data-frame") ?? "{}") as {
            cx: number;
            cy: number;
            half: number;
          });
    // The view's mapping (view.ts px): 240 units across the frame's width.
    const sx = ((u - frame.cx + frame.half) / (2 * frame.half)) * 240;
    const sy = ((frame.half - (w - frame.cy)) / (2 * frame.half)) * 240;
    const ctm = (svg as SVGSVGElement).getScreenCTM() as DOMMatrix;
    const q = new DOMPoint(sx, sy).matrixTransform(ctm);
    return { x: q.x, y: q.y };
  }, p);
}

for (const locale of ["en", "zh-cn"]) {
  test.describe(`jacobian (${locale})`, () => {
    const url = `${locale}/jacobian/`;

    test("paints its first state before any script runs", async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(url, baseURL).href);
      const figure = page.locator('[data-widget="jacobian"]');
      await expect(figure).toHaveCount(1);
      const c = find("linear", [1, 0.5], [0.5, 1]);
      await expect(figure.locator('[data-readout="J"] pre')).toHaveText(c.J);
      await expect(figure.locator('[data-readout="grad"] pre')).toHaveText(c.grad);
      await expect(figure.locator("svg.tl-jac-plane")).toHaveCount(2);
      await expect(figure.locator("svg polyline")).toHaveCount(36);
      await expect(figure.locator("select[name=fn]")).toBeDisabled();
      await context.close();
    });

    test("shows what PyTorch gives for every fixture case", async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await expectCase(figure, find("linear", [1, 0.5], [0.5, 1]));
      // Every point with the first v, and every v at the first x, for each f: 60 of the 210
      // cases (model.test.ts checks all 210 against the same engine in Node).
      const walked = cases.filter((c) => `${c.v}` === "0.5,1" || `${c.x}` === "1,0.5");
      for (const c of walked) {
        await setState(figure, c);
        await expectCase(figure, c);
      }
      expect(errors).toEqual([]);
    });

    test("works by keyboard alone", async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const handleX = figure.locator('[data-handle="x"]');
      await handleX.focus();
      await page.keyboard.press("ArrowRight");
      await expect(figure.locator('[data-handle="x"]')).toBeFocused();
      await expectCase(figure, find("linear", [1.25, 0.5], [0.5, 1]));
      await page.keyboard.press("ArrowUp");
      await expectCase(figure, find("linear", [1.25, 0.75], [0.5, 1]));
      await expect(figure.locator('[data-handle="x"]')).toHaveAttribute(
        "aria-label",
        /1\.25, 0\.75/,
      );
      // Tab goes from the x handle to the v handle; its arrows move v.
      await page.keyboard.press("Tab");
      await expect(figure.locator('[data-handle="v"]')).toBeFocused();
      await page.keyboard.press("ArrowLeft");
      await expectCase(figure, find("linear", [1.25, 0.75], [0.25, 1]));
      await expect(figure.locator(".tl-jac-announce")).toContainText(
        find("linear", [1.25, 0.75], [0.25, 1]).grad,
      );
      // v = e2 by its button: x.grad is row 2 of J, and the figure says so.
      await figure.locator('[data-onehot="2"]').focus();
      await page.keyboard.press("Enter");
      const c = find("linear", [1.25, 0.75], [0, 1]);
      await expectCase(figure, c);
      await expect(figure.locator('[data-readout="grad"] pre')).toHaveText(c.rows[1]);
      await expect(figure.locator(".tl-jac-rownote")).toHaveAttribute("data-row", "2");
      // f from the keyboard: the next function in the list.
      await figure.locator("select[name=fn]").focus();
      await page.keyboard.press("ArrowDown");
      await expectCase(figure, find("rotate", [1.25, 0.75], [0, 1]));
      // A number field typed off the grid snaps to it.
      await figure.locator("input[name=x0]").fill("0.3");
      await expect(figure).toHaveAttribute(
        "data-state",
        JSON.stringify({ fn: "rotate", x: [0.25, 0.75], v: [0, 1] }),
      );
      expect(errors).toEqual([]);
    });

    test("moves x and v by dragging their handles", async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator("select[name=fn]").selectOption("square");
      // Centred, so that Starlight's sticky header does not lie over the planes.
      await figure
        .locator('svg[data-plane="in"]')
        .evaluate((svg) => svg.scrollIntoView({ block: "center" }));
      const from = await planePoint(figure, "in", [1, 0.5]);
      const to = await planePoint(figure, "in", [-1.5, 0.75]);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
      await expectCase(figure, find("square", [-1.5, 0.75], [0.5, 1]));
      // v is drawn from f(x), the centre of the output plane: its tip is at f(x) + v.
      const frame = JSON.parse(
        (await figure.locator('svg[data-plane="out"]').getAttribute("data-frame")) ?? "{}",
      ) as { cx: number; cy: number };
      const tip = await planePoint(figure, "out", [frame.cx + 0.5, frame.cy + 1]);
      const target = await planePoint(figure, "out", [frame.cx - 1, frame.cy + 0.25]);
      await page.mouse.move(tip.x, tip.y);
      await page.mouse.down();
      await page.mouse.move(target.x, target.y, { steps: 8 });
      await page.mouse.up();
      await expectCase(figure, find("square", [-1.5, 0.75], [-1, 0.25]));
      expect(errors).toEqual([]);
    });

    test("passes axe in light and dark", async ({ page, baseURL }) => {
      // Four axe passes (two themes, two functions): about 22 s on a busy 2-core machine.
      test.slow();
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const figure = await openFigure(page, new URL(url, baseURL).href);
        for (const fn of ["linear", "polar"]) {
          await figure.locator("select[name=fn]").selectOption(fn);
          await figure.locator('[data-handle="x"]').focus();
          const results = await new AxeBuilder({ page })
            .include('[data-widget="jacobian"]')
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
            `${theme} ${fn}`,
          ).toEqual([]);
        }
      }
    });

    test("fits a 360 px screen", async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator("select[name=fn]").selectOption("square");
      await figure.locator("input[name=x0]").fill("2");
      await figure.locator("input[name=x1]").fill("2");
      await expectCase(figure, find("square", [2, 2], [0.5, 1]));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      const box = await figure.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    });
  });
}
