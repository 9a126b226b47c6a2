// The autograd-graph figure on the built site, in both languages: first paint without
// JavaScript, every case of its PyTorch fixture entered through its controls (expression,
// requires_grad boxes, retain_graph) and compared with what it shows (node names, the backward
// order step by step with the gradients, .grad, the second backward's .grad or error), the
// keyboard, axe in light and dark, 360 px, and no console errors.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  inner,
  NAMES,
  type Requires,
  type Run,
} from "../src/components/widgets/AutogradGraph/model.ts";
import { fixtureCases, ready, watchErrors } from "./support/widgets.ts";

interface FixtureCase extends Partial<Run> {
  expr: string;
  requires: Requires;
  retain: boolean;
  result: string;
  nodes: Run["nodes"];
  error?: string;
}
const cases = fixtureCases<FixtureCase>("AutogradGraph");
// Through the UI, every expression with all leaves requiring grad (retain_graph off and on),
// and every requires_grad combination of the preset with an unticked leaf; model.test.ts checks
// the model against all cases.
const ALL = (c: FixtureCase) => NAMES.every((k) => c.requires[k]);
const UI_CASES = cases.filter((c) => ALL(c) || (c.expr === "a * b * c + b" && !c.retain));
const FIRST = cases.find(
  (c) => c.expr === "torch.sin(a * b) + a" && !c.retain && NAMES.every((k) => c.requires[k]),
) as FixtureCase;

async function openFigure(page: Page, href: string): Promise<Locator> {
  await page.goto(href);
  const figure = page.locator('[data-widget="autograd-graph"]');
  await ready(figure);
  return figure;
}

async function setCase(figure: Locator, c: FixtureCase): Promise<void> {
  for (const k of NAMES) await figure.locator(`input[name=rg-${k}]`).setChecked(c.requires[k]);
  await figure.locator("input[name=retain]").setChecked(c.retain);
  await figure.locator("input[name=expr]").fill(c.expr);
  await figure.locator("input[name=expr]").press("Enter");
  await expect(figure).toHaveAttribute(
    "data-setup",
    JSON.stringify({ expr: c.expr, requires: c.requires, retain: c.retain }),
  );
}

for (const locale of ["en", "zh-cn"]) {
  test.describe(`autograd-graph (${locale})`, () => {
    const url = `${locale}/autograd/`;

    test("paints the lesson's graph before any script runs", async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(url, baseURL).href);
      const figure = page.locator('[data-widget="autograd-graph"]');
      await expect(figure).toHaveCount(1);
      await expect(figure.locator("[data-node] .tl-ag-name")).toHaveText(
        FIRST.nodes.map((n) => n.name),
      );
      await expect(figure.locator(".is-leaf")).toHaveCount(2);
      await expect(figure.locator(".tl-ag-leaves-box")).toContainText(`y = ${FIRST.result}`);
      for (const k of NAMES)
        await expect(figure.locator(".tl-ag-leaves-box")).toContainText(
          `${k} = ${FIRST.leaves?.[k]}`,
        );
      await context.close();
    });

    test("shows what PyTorch gives for the fixture's cases", async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const leaves = figure.locator(".tl-ag-leaves-box");
      for (const c of UI_CASES) {
        const what = `${c.expr} ${JSON.stringify(c.requires)} retain=${c.retain}`;
        await setCase(figure, c);
        if (c.error) {
          await expect(figure.locator(".tl-ag-graph pre"), what).toHaveText(c.error);
          continue;
        }
        const order = c.order as Run["order"];
        await expect(figure.locator("[data-node] .tl-ag-name"), what).toHaveText(
          c.nodes.map((n) => n.name),
        );
        await expect(leaves, what).toContainText(`y = ${c.result}`);
        if (!c.retain) {
          // Step by step: the running node and what it received and sent, in PyTorch's order.
          for (const [i, s] of order.entries()) {
            await figure.locator('[data-action="step"]').click();
            await expect(figure.locator(".is-active"), what).toHaveAttribute(
              "data-node",
              String(s.id),
            );
            const line = figure.locator(".tl-ag-step");
            await expect(line, what).toContainText(`${i + 1}`);
            await expect(line, what).toContainText(s.name);
            for (const g of s.gradInputs)
              if (g !== null) await expect(line, what).toContainText(inner(g));
            const sum = inner(s.gradOutputs[0] ?? null);
            await expect(line, what).toContainText(sum);
          }
        } else await figure.locator('[data-action="all"]').click();
        for (const k of NAMES)
          await expect(leaves, what).toContainText(`${k}.grad = ${c.grads?.[k] ?? "None"}`);
        await figure.locator('[data-action="again"]').click();
        const second = c.second as Run["second"];
        if ("error" in second)
          await expect(figure.locator(".tl-ag-second pre"), what).toHaveText(second.error);
        else
          for (const k of NAMES)
            await expect(leaves, what).toContainText(`${k}.grad = ${second.grads[k] ?? "None"}`);
      }
      expect(errors).toEqual([]);
    });

    test("shows the sum where two paths meet", async ({ page, baseURL }) => {
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator('[data-action="all"]').click();
      // a gets 1. from the addition and 2.8805 through sin(a * b): PyTorch's a.grad is 3.8805.
      await expect(figure.locator('[data-node="3"]')).toContainText("1. + 2.8805 = 3.8805");
    });

    test("works by keyboard alone", async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const field = figure.locator("input[name=expr]");
      await field.focus();
      await page.keyboard.press("Control+a");
      await page.keyboard.type("a * a");
      await page.keyboard.press("Enter");
      await expect(figure.locator("[data-node] .tl-ag-name")).toHaveText([
        "MulBackward0",
        "AccumulateGrad",
      ]);
      // Tab reaches the checkboxes; Space unticks b (not used here, so nothing changes).
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(figure.locator("input[name=rg-a]")).toBeFocused();
      await page.keyboard.press("Space");
      await expect(figure.locator(".tl-ag-graph pre")).toHaveText(
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn",
      );
      await page.keyboard.press("Space");
      await figure.locator('[data-action="step"]').focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await expect(figure.locator(".tl-ag-announce")).toContainText("AccumulateGrad");
      await expect(figure.locator(".tl-ag-leaves-box")).toContainText("a.grad = tensor(4.)");
      // The nodes: one Tab stop, arrows move among them, each says its name and inputs.
      const nodes = figure.locator("[data-node]");
      await nodes.first().focus();
      await expect(nodes.first()).toHaveAttribute(
        "aria-label",
        /MulBackward0.*AccumulateGrad \(a\)/,
      );
      await page.keyboard.press("ArrowRight");
      await expect(nodes.nth(1)).toBeFocused();
      await expect(nodes.nth(1)).toHaveAttribute("aria-label", /AccumulateGrad \(a\)/);
      // A syntax error says where.
      await field.fill("a @ b");
      await field.press("Enter");
      await expect(figure.locator(".tl-ag-caret")).toHaveText("a @ b\n  ^");
      expect(errors).toEqual([]);
    });

    test("fits 360 px without horizontal overflow", async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator('[data-action="all"]').click();
      await figure.locator('[data-action="again"]').click();
      // The lesson's display math overflows on its own; the figure must not: it stays inside the
      // viewport and only its graph may scroll within itself.
      const box = await figure.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
      const overflow = await figure.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBe(0);
    });

    test("passes axe in light and dark", async ({ page, baseURL }) => {
      test.slow();
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const figure = await openFigure(page, new URL(url, baseURL).href);
        const check = async (state: string) => {
          const results = await new AxeBuilder({ page })
            .include('[data-widget="autograd-graph"]')
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
            `${theme} ${state}`,
          ).toEqual([]);
        };
        await check("first");
        await figure.locator('[data-action="step"]').click();
        await check("step 1");
        await figure.locator('[data-action="all"]').click();
        await figure.locator('[data-action="again"]').click();
        await check("second backward");
        await figure.locator("input[name=expr]").fill("a +");
        await figure.locator("input[name=expr]").press("Enter");
        await check("syntax");
      }
    });
  });
}
