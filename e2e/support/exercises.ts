// Driving an exercise on its lesson page, shared by the CPU and GPU exercise tests: the
// exercises and feedback catalogue from content/exercises/, code set through the editor's own
// API (not typing), Check clicked, and the feedback read back once grading is over.
import { expect, type Locator, type Page } from "@playwright/test";
import { loadCatalogue, loadExercises } from "../../src/exercises/load.ts";
import type { Exercise } from "../../src/exercises/schema.ts";

export const exercises = loadExercises();
const catalogue = loadCatalogue();

/** The feedback text as shown (backticks become <code>), {params} matching anything. */
export function feedbackPattern(id: string, lang: "en" | "zh"): RegExp {
  const text = (catalogue[id]?.[lang] ?? "").replace(/`/g, "");
  const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}

export function exerciseOn(page: Page, ex: Exercise): Locator {
  return page.locator(`[data-tl-exercise="${ex.id}"]`);
}

/** Opens the exercise's lesson page and waits for its CodeMirror editor. */
export async function openExercise(page: Page, locale: string, ex: Exercise): Promise<Locator> {
  await page.goto(`${locale}/${ex.lesson}/`);
  const root = exerciseOn(page, ex);
  await expect(root).toHaveAttribute("data-editor", "codemirror");
  return root;
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
