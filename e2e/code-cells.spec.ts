// Runnable code cells on a lesson page, driven through the real UI in Chromium: cells share a
// namespace in page order, output streams, Shift+Enter runs, errors point at the reader's line,
// Stop ends a runaway loop and the runtime restarts, a huge allocation is refused, and the page
// stays responsive meanwhile. One page serves the whole file (Python loads once).
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { setCellCode } from "./support/cells.ts";

test.describe.configure({ mode: "serial" });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext(baseURL ? { baseURL } : {});
  page = await context.newPage();
  await page.goto("en/tensors/");
});

test.afterAll(async () => {
  await context.close();
});

const cell = (n: number): Locator => page.locator("[data-tl-cell]").nth(n - 1);
const output = (n: number): Locator => cell(n).locator(".tl-cell-output");

async function run(n: number): Promise<void> {
  await cell(n).getByRole("button", { name: "Run", exact: true }).click();
}

/** Replaces cell n's code through its editor (CodeMirror, loaded on first edit). */
async function setCode(n: number, code: string): Promise<void> {
  await setCellCode(page, cell(n), code);
}

/** Resolves only if the main thread is free to render a frame. */
const frame = () =>
  page.evaluate(
    () => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))),
  );

// The cells' code is set here, so the tests do not depend on what the lesson says.
test("a later cell uses the variables of an earlier one", async () => {
  await setCode(1, "import torch\n\nx = torch.arange(12, dtype=torch.float32)\nx");
  await run(1);
  await expect(output(1)).toContainText(
    "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11.])",
    {
      timeout: 30_000,
    },
  );
  await setCode(2, "print(x[1:4])\nx[0]");
  await run(2);
  await expect(output(2)).toHaveText("tensor([1., 2., 3.])\ntensor(0.)\n");
  await expect(cell(2)).toHaveAttribute("data-state", "ok");
});

test("Shift+Enter runs the cell being edited", async () => {
  await setCode(3, "y = x.view(3, 4)\ny[0, 0] = 100.0\nprint(x[0].item())\ny");
  await expect(cell(3).locator(".cm-content")).toBeFocused();
  await page.keyboard.press("Shift+Enter");
  await expect(output(3)).toContainText("100.0\ntensor([[100.,   1.,   2.,   3.],");
});

test("an exception shows the reader's line number and only the reader's frames", async () => {
  await setCode(3, "a = 1\nb = x.view(5, 5)\n");
  await page.keyboard.press("Shift+Enter");
  await expect(output(3)).toContainText('File "cell-3", line 2');
  await expect(output(3)).toContainText(
    "RuntimeError: shape '[5, 5]' is invalid for input of size 12",
  );
  await expect(output(3)).not.toContainText("/torchlit/");
  await expect(cell(3).getByRole("status")).toHaveText("Error: RuntimeError");
});

test("output streams while the cell is still running", async () => {
  await setCode(
    3,
    'import time\nprint("first")\nt = time.time()\nwhile time.time() - t < 2: pass\nprint("second")',
  );
  await page.keyboard.press("Shift+Enter");
  await expect(output(3)).toHaveText("first\n");
  await expect(cell(3)).toHaveAttribute("data-state", "running");
  await expect(output(3)).toHaveText("first\nsecond\n");
});

test("an endless loop is stopped with Stop, the page stays usable, and the next run works", async () => {
  await setCode(3, "while True: pass");
  await page.keyboard.press("Shift+Enter");
  await expect(cell(3)).toHaveAttribute("data-state", "running");
  expect(await frame()).toBe(true);
  await page.getByRole("link", { name: "Broadcasting" }).first().hover();
  await cell(3).getByRole("button", { name: "Stop", exact: true }).click();
  await expect(cell(3).getByRole("status")).toContainText("Stopped.", { timeout: 5_000 });
  await expect(output(3)).toContainText("variables were reset");
  await run(1);
  await expect(output(1)).toContainText("tensor([ 0.,", { timeout: 30_000 });
  await expect(cell(1)).toHaveAttribute("data-state", "ok");
});

test("a huge allocation is refused with a clear message", async () => {
  await setCode(3, "torch.zeros(10**5, 10**5)");
  await page.keyboard.press("Shift+Enter");
  await expect(output(3)).toContainText(
    "can't allocate memory: you tried to allocate 40000000000 bytes",
  );
  await expect(output(3)).toContainText("This page allows at most 1 GiB per tensor");
  await run(2);
  await expect(output(2)).toHaveText("tensor([1., 2., 3.])\ntensor(0.)\n");
  expect(await frame()).toBe(true);
});

test("cells with output and an open editor pass axe in both themes", async () => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const results = await new AxeBuilder({ page })
      .include("[data-tl-cell]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
    ).toEqual([]);
  }
});
