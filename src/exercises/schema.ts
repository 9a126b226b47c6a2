// The exercise format: what an exercise folder (content/exercises/NN-slug/) holds and what its
// exercise.json may say. This file's JSDoc is the authoring reference (docs/AUTHORING.md points
// here); every field documents its default. Pure data and validation: no file access here.
import { z } from "astro/zod";
import { lessonSlugs } from "../sidebar.ts";

/** A text in both site languages. Both are required: the site never shows a half-translated exercise. */
export const bilingual = z.object({
  /** Simplified Chinese text (pages under /zh-cn/). Required. */
  zh: z.string().min(1),
  /** English text (pages under /en/). Required. */
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof bilingual>;

/** exercise.json */
export const exerciseMeta = z.strictObject({
  /**
   * Stable id, kebab-case, unique across the course; used in `<Exercise id="..." />`, in saved
   * progress and in exported files, so never rename a published one. Required.
   */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case, e.g. memory-inplace"),
  /** The lesson slug whose page embeds the exercise (one of src/sidebar.ts lessonSlugs). Required. */
  lesson: z.enum(lessonSlugs),
  /** Position among the lesson's exercises. Default: the folder's NN prefix. */
  order: z.number().int().nonnegative().optional(),
  /** Title shown above the prompt. Required in both languages. */
  title: bilingual,
  /** Hints, revealed one at a time in this order. Default: none. */
  hints: z.array(bilingual).default([]),
  /** Milliseconds a run or check may take before it is stopped. Default 10 000. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type ExerciseMeta = z.infer<typeof exerciseMeta>;

/** A common wrong answer (mistakes/<name>.py) and the feedback id it must receive. */
export interface Mistake {
  /** File name without .py, e.g. "new-object". */
  name: string;
  /** From the first line, `# expect: <feedback-id>`; never "passed", "not-yet" or "unchanged". */
  expect: string;
  /** The whole file, the `# expect:` line included (it is a comment, so it runs). */
  code: string;
}

/** One validated exercise folder. */
export interface Exercise extends Omit<ExerciseMeta, "order"> {
  /** Always set: exercise.json's order or the folder's NN prefix. */
  order: number;
  /** Folder name, e.g. "03-memory-inplace". */
  folder: string;
  /** prompt.zh.md / prompt.en.md: Markdown shown above the editor. Both required. */
  prompt: Bilingual;
  /**
   * setup.py: runs before the reader's code in the same namespace (shown read-only above the
   * editor; the check sees its variables as `run.given`). Default: "" (optional file).
   */
  setup: string;
  /** starter.py: the editor's initial text. Required. */
  starter: string;
  /** solution.py: must pass the check (and print what real PyTorch prints). Required. */
  solution: string;
  /** check.py: defines `check(ns, run)` and optionally `explain_error(exc)`. Required. */
  check: string;
  /** mistakes/*.py: at least one. */
  mistakes: Mistake[];
}

/** Feedback ids that a mistake may never expect: they are not targeted feedback. */
export const untargetedFeedback = ["passed", "not-yet", "unchanged", "check-crashed"] as const;

/** content/exercises/feedback.json: feedback id → text in both languages, with {params}. */
export const feedbackCatalogue = z.record(
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "feedback ids are kebab-case"),
  bilingual,
);
export type FeedbackCatalogue = z.infer<typeof feedbackCatalogue>;

/** Reads `# expect: <id>` from a mistake's first line; null when absent. */
export function parseExpectLine(code: string): string | null {
  const first = code.split("\n", 1)[0] ?? "";
  const match = /^#\s*expect:\s*([a-z0-9-]+)\s*$/.exec(first.trim());
  return match?.[1] ?? null;
}
