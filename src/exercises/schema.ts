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
export type Lang = keyof Bilingual;

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const feedbackId = z.string().regex(kebab, "feedback ids are kebab-case");

/**
 * One answer a reader may choose in a predict exercise. Exactly one of `code` and `label`.
 * The correct option (predict.answer) carries no `feedback`; every other option must.
 */
export const predictOption = z
  .strictObject({
    /** Stable id within the exercise (saved as the reader's answer), e.g. "a". Required. */
    id: z.string().regex(kebab),
    /**
     * What the cell would print, shown monospace, the same in both languages ("\n" between
     * lines). For the correct option it must equal the cell's real output (tested).
     */
    code: z.string().min(1).optional(),
    /** A prose answer in both languages, e.g. { en: "It raises an error", zh: "会报错" }. */
    label: bilingual.optional(),
    /**
     * This option means "the cell raises <Type>", e.g. "RuntimeError". For the correct option
     * the cell must raise exactly that type under PyTorch and on the engine (tested).
     */
    raises: z
      .string()
      .regex(/^[A-Za-z_]\w*$/)
      .optional(),
    /** Feedback id for choosing this (wrong) option. Required on every option but the answer. */
    feedback: feedbackId.optional(),
  })
  .refine((o) => (o.code === undefined) !== (o.label === undefined), {
    message: "an option has exactly one of code and label",
  });
export type PredictOption = z.infer<typeof predictOption>;

/** Predict by choosing: at least three options (two wrong ones with targeted feedback). */
export const predictChoice = z.strictObject({
  /** The options, shown in this order. Required, at least 3. */
  options: z.array(predictOption).min(3),
  /** The id of the correct option. Required. */
  answer: z.string().regex(kebab),
});

/**
 * Predict by typing a value. Answers are compared after removing all whitespace (nothing else:
 * case and quotes count); see normaliseAnswer().
 */
export const predictValue = z.strictObject({
  /** Accepted answers; the first is exactly what the cell prints (tested). Required. */
  accept: z.array(z.string().min(1)).min(1),
  /** Wrong answers learners give, each with its feedback id. Required, at least 2. */
  wrong: z.array(z.strictObject({ value: z.string().min(1), feedback: feedbackId })).min(2),
  /** Placeholder of the input box, e.g. "torch.Size([…])". Default: none. */
  placeholder: z.string().optional(),
});

export const predictSpec = z.union([predictChoice, predictValue]);
export type PredictSpec = z.infer<typeof predictSpec>;
export type PredictChoice = z.infer<typeof predictChoice>;
export type PredictValue = z.infer<typeof predictValue>;

export const isChoice = (p: PredictSpec): p is PredictChoice => "options" in p;

/** exercise.json */
export const exerciseMeta = z.strictObject({
  /**
   * Stable id, kebab-case, unique across the course; used in `<Exercise id="..." />`, in saved
   * progress and in exported files, so never rename a published one. Required.
   */
  id: z.string().regex(kebab, "kebab-case, e.g. memory-inplace"),
  /** The lesson slug whose page embeds the exercise (one of src/sidebar.ts lessonSlugs). Required. */
  lesson: z.enum(lessonSlugs),
  /**
   * "code": the reader writes or fixes code, graded by check.py (starter.py, solution.py,
   * check.py, mistakes/). "predict": the reader predicts what cell.py prints, is graded on the
   * prediction (the `predict` field), then sees the cell run. Default "code".
   */
  kind: z.enum(["code", "predict"]).default("code"),
  /** Position among the lesson's exercises. Default: the folder's NN prefix. */
  order: z.number().int().nonnegative().optional(),
  /** Title shown above the prompt. Required in both languages. */
  title: bilingual,
  /** Hints, revealed one at a time in this order. Default: none. */
  hints: z.array(bilingual).default([]),
  /** Milliseconds a run or check may take before it is stopped. Default 10 000. */
  timeoutMs: z.number().int().positive().default(10_000),
  /**
   * Set when the exercise cannot run on the GPU by its nature (e.g. NumPy interop: from_numpy
   * makes CPU tensors): it then always runs on the CPU, and with GPU chosen the reader is shown
   * this reason. Default: unset (runs on the device the reader chose).
   */
  cpuOnly: bilingual.optional(),
  /** Required when kind is "predict" (and only then): the answers, see predictSpec. */
  predict: predictSpec.optional(),
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

/**
 * Python source in both languages: `name.py` holds English comments, optional `name.zh.py` the
 * same code with Chinese comments (the loader checks that only comments differ). Without a
 * `.zh.py`, both are the `.py` file.
 */
export type LocalCode = Bilingual;

interface ExerciseBase extends Omit<ExerciseMeta, "order" | "kind" | "predict"> {
  /** Always set: exercise.json's order or the folder's NN prefix. */
  order: number;
  /** Folder name, e.g. "03-memory-inplace". */
  folder: string;
  /** prompt.zh.md / prompt.en.md: Markdown shown above the editor. Both required. */
  prompt: Bilingual;
  /**
   * setup.py (+ setup.zh.py): runs before the reader's code in the same namespace (shown
   * read-only; a check sees its variables as `run.given`). Default: "" (optional file).
   */
  setup: LocalCode;
  /** feedback.json in the folder: this exercise's own feedback ids (merged into the catalogue). */
  feedback: FeedbackCatalogue;
}

/** A write-code or fix-the-bug exercise. */
export interface CodeExercise extends ExerciseBase {
  kind: "code";
  /** starter.py (+ starter.zh.py): the editor's initial text. Required. */
  starter: LocalCode;
  /** solution.py (+ solution.zh.py): must pass the check and print what real PyTorch prints. */
  solution: LocalCode;
  /** check.py: defines `check(ns, run)` and optionally `explain_error(exc)`. Required. */
  check: string;
  /** mistakes/*.py: at least two. */
  mistakes: Mistake[];
}

/** A predict-then-run exercise. */
export interface PredictExercise extends ExerciseBase {
  kind: "predict";
  /** cell.py (+ cell.zh.py): the code whose behaviour the reader predicts; runs after. Required. */
  cell: LocalCode;
  predict: PredictSpec;
}

/** One validated exercise folder. */
export type Exercise = CodeExercise | PredictExercise;

/** Feedback ids that a mistake may never expect: they are not targeted feedback. */
export const untargetedFeedback = [
  "passed",
  "not-yet",
  "unchanged",
  "check-crashed",
  "predict-empty",
  "predict-wrong",
] as const;

/** content/exercises/feedback.json (and each folder's feedback.json): id → text with {params}. */
export const feedbackCatalogue = z.record(feedbackId, bilingual);
export type FeedbackCatalogue = z.infer<typeof feedbackCatalogue>;

/** Reads `# expect: <id>` from a mistake's first line; null when absent. */
export function parseExpectLine(code: string): string | null {
  const first = code.split("\n", 1)[0] ?? "";
  const match = /^#\s*expect:\s*([a-z0-9-]+)\s*$/.exec(first.trim());
  return match?.[1] ?? null;
}
