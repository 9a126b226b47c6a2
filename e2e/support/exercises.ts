// Driving an exercise on its lesson page, shared by the CPU and GPU exercise tests: the
// exercises and feedback catalogue from content/exercises/, code set through the editor's own
// API (not typing), Check clicked, and the feedback read back once grading is over.
import { expect, type Locator, type Page } from "@playwright/test";
import { keyedOutcome } from "../../src/exercises/grade.ts";
import { inlineText } from "../../src/exercises/inline-markup.ts";
import { loadCatalogue, loadExercises } from "../../src/exercises/load.ts";
import {
  type CodeExercise,
  type Exercise,
  isChoice,
  type PredictExercise,
} from "../../src/exercises/schema.ts";

export const exercises = loadExercises();
export const codeExercises = exercises.filter((e): e is CodeExercise => e.kind === "code");
export const predictExercises = exercises.filter((e): e is PredictExercise => e.kind === "predict");
const catalogue = loadCatalogue();

/** The feedback text as shown (inline Markdown rendered), {params} matching anything. */
export function feedbackPattern(id: string, lang: "en" | "zh"): RegExp {
  const text = inlineText(catalogue[id]?.[lang] ?? "");
  const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}

export function exerciseOn(page: Page, ex: Exercise): Locator {
  return page.locator(`[data-tl-exercise="${ex.id}"]`);
}

/** Opens the exercise's lesson page and waits for its CodeMirror editor (or its answers). */
export async function openExercise(page: Page, locale: string, ex: Exercise): Promise<Locator> {
  await page.goto(`${locale}/${ex.lesson}/`);
  const root = exerciseOn(page, ex);
  // CodeMirror replaces the textarea once the page is idle: long lesson pages take a while.
  await expect(root).toHaveAttribute(
    "data-editor",
    ex.kind === "predict" ? "prediction" : "codemirror",
    { timeout: 30_000 },
  );
  return root;
}

/** Every answer a predict exercise may get, with its feedback id (what the unit tests key too). */
export function predictionCases(ex: PredictExercise): { answer: string; feedback: string }[] {
  const p = ex.predict;
  if (isChoice(p))
    return p.options.map((o) => ({
      answer: o.id,
      feedback: o.id === p.answer ? "passed" : (o.feedback ?? ""),
    }));
  return [
    ...p.wrong.map((w) => ({ answer: w.value, feedback: w.feedback })),
    { answer: "no such output", feedback: "predict-wrong" },
    ...p.accept.slice(0, 1).map((a) => ({ answer: a, feedback: "passed" })),
  ];
}

/** What the keyed answer says the cell prints, or the exception type it raises. */
export const keyedOutput = (ex: PredictExercise) => keyedOutcome(ex.predict);

/**
 * Asserts the cell's output: the exception type it raises, or exactly the keyed stdout. What it
 * wrote to stderr (a UserWarning, shown in its own style) is left out of the comparison, as the
 * keyed answer is stdout alone.
 */
export async function expectKeyedOutput(output: Locator, ex: PredictExercise): Promise<void> {
  const key = keyedOutput(ex);
  if (key.raises) {
    await expect(output).toContainText(`${key.raises}:`);
    return;
  }
  await expect(output).toBeVisible();
  await expect
    .poll(() =>
      output.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const err of copy.querySelectorAll(".tl-out-stderr")) err.remove();
        return copy.textContent;
      }),
    )
    .toBe(`${key.stdout}\n`);
}

/**
 * Answers through the real controls (clicks the option, or types the value), clicks Check and
 * returns the feedback once the cell has run after it.
 */
export async function predict(page: Page, ex: PredictExercise, answer: string): Promise<Locator> {
  const root = exerciseOn(page, ex);
  if (isChoice(ex.predict)) await root.locator(`input[type="radio"][value="${answer}"]`).check();
  else await root.getByRole("textbox").fill(answer);
  await root.getByRole("button", { name: /^(Check my prediction|检查我的预测)$/ }).click();
  const feedback = root.locator('[data-role="feedback"]');
  await expect(feedback).toHaveAttribute("data-feedback-id", /./);
  await expect(root).toHaveAttribute("data-busy", "false", { timeout: 60_000 });
  return feedback;
}

export async function setCode(page: Page, ex: Exercise, code: string): Promise<void> {
  await page.evaluate(
    ([id, text]) => {
      const el = document.querySelector(`[data-tl-exercise="${id}"]`) as HTMLElement & {
        tlEditor: { setCode(code: string): void };
      };
      el.tlEditor.setCode(text);
    },
    [ex.id, code] as const,
  );
}

/** Puts code in the editor, clicks Check and returns the feedback once grading is over. */
export async function checkExercise(page: Page, ex: Exercise, code: string): Promise<Locator> {
  const root = exerciseOn(page, ex);
  await setCode(page, ex, code);
  await root.getByRole("button", { name: /^(Check|检查)$/ }).click();
  const feedback = root.locator('[data-role="feedback"]');
  await expect(feedback).not.toHaveAttribute("data-feedback-id", "checking", { timeout: 60_000 });
  return feedback;
}
