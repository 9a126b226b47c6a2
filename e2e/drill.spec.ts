// The fault drill: what a hostile-but-realistic learner does to a page, tried in Chromium
// through the real UI, each case named after the fault it reproduces. Every case fails by a
// bound (the run's time limit, a capped output), never by exhausting the machine; the suite
// counts the cases it tried and how many held, and prints the tally at the end.
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import {
  exerciseOn,
  exercises,
  openExercise,
  setCode as setExerciseCode,
} from "./support/exercises.ts";

test.describe.configure({ mode: "serial" });

let context: BrowserContext;
let page: Page;
const tally = { tried: 0, held: 0 };
/** The cases below, by name: the suite checks it ran exactly these. */
const CASES = [
  "printing without end",
  "a million printed lines",
  "a million lines printed in an exercise",
];

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext(baseURL ? { baseURL } : {});
  page = await context.newPage();
  await page.goto("en/tensors/");
});

test.afterAll(async () => {
  await context.close();
  console.log(`fault drill: ${tally.tried} faults tried, ${tally.held} held`);
  expect(tally.tried).toBe(CASES.length);
});

/** One drill case: counted as tried, and as held when its body passes. */
function drill(name: string, body: () => Promise<void>, timeout = 60_000): void {
  if (!CASES.includes(name)) throw new Error(`drill case "${name}" is not in CASES`);
  test(name, async () => {
    test.setTimeout(timeout);
    tally.tried++;
    await body();
    tally.held++;
  });
}

const cell = (n: number): Locator => page.locator("[data-tl-cell]").nth(n - 1);
const output = (n: number): Locator => cell(n).locator(".tl-cell-output");

async function setCode(n: number, code: string): Promise<void> {
  const editor = cell(n).locator(".cm-content");
  if ((await editor.count()) === 0) await cell(n).locator(".tl-cell-code").click();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** The page's JavaScript heap in MiB (Chromium's performance.memory). */
const heapMiB = () =>
  page.evaluate(
    () =>
      ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
        0) /
      2 ** 20,
  );

drill("printing without end", async () => {
  await setCode(1, 'while True:\n    print("x")');
  await page.keyboard.press("Shift+Enter");
  await expect(cell(1)).toHaveAttribute("data-state", "running");
  // While it prints, the page handles a click: another cell's editor opens.
  await expect(output(1).locator('[data-role="output-hidden"]')).toBeVisible({ timeout: 20_000 });
  await cell(2).locator(".tl-cell-code").click();
  await expect(cell(2).locator(".cm-content")).toBeVisible();
  await expect(cell(1)).toHaveAttribute("data-state", "running");
  // The time limit still applies, and what is shown stays bounded.
  await expect(cell(1).getByRole("status")).toContainText("Stopped after 10 s", {
    timeout: 20_000,
  });
  const shown = (await output(1).textContent()) ?? "";
  expect(shown.length).toBeLessThan(130_000);
  expect(shown).toContain("lines not shown");
  expect(await heapMiB()).toBeLessThan(512);
});

drill("a million printed lines", async () => {
  await setCode(1, "for i in range(10**6):\n    print(i)");
  await page.keyboard.press("Shift+Enter");
  // Done well within the time limit, its start and its end shown, the middle counted.
  await expect(cell(1)).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
  const text = (await output(1).textContent()) ?? "";
  expect(text.startsWith("0\n1\n2\n")).toBe(true);
  expect(text.endsWith("999998\n999999\n")).toBe(true);
  const hidden = output(1).locator('[data-role="output-hidden"]');
  await expect(hidden).toHaveAttribute("data-hidden-lines", "978624");
  await expect(hidden).toContainText("978,624 lines not shown");
});

drill("a million lines printed in an exercise", async () => {
  const ex = exercises.find((e) => e.id === "memory-inplace");
  if (!ex) throw new Error("no memory-inplace exercise");
  const root = await openExercise(page, "en", ex);
  await setExerciseCode(page, ex, "for i in range(10**6):\n    print(i)\ny += x\n");
  // Run: streamed, bounded.
  await root.getByRole("button", { name: "Run", exact: true }).click();
  const out = root.locator('[data-role="output"]');
  await expect(out.locator('[data-role="output-hidden"]')).toBeVisible({ timeout: 20_000 });
  await expect(root).toHaveAttribute("data-busy", "false", { timeout: 20_000 });
  expect(((await out.textContent()) ?? "").endsWith("999999\n")).toBe(true);
  // Check: graded on what the code did, the output kept by the grader bounded the same way.
  await root.getByRole("button", { name: "Check", exact: true }).click();
  const feedback = exerciseOn(page, ex).locator('[data-role="feedback"]');
  await expect(feedback).toHaveAttribute("data-feedback-id", "passed", { timeout: 20_000 });
  await expect(out.locator('[data-role="output-hidden"]')).toHaveAttribute(
    "data-hidden-lines",
    "978624",
  );
  expect(((await out.textContent()) ?? "").length).toBeLessThan(130_000);
});
