// Grading an exercise, independent of where Python runs: builds the grading program (the
// tl_check library, the exercise's setup and check, the reader's code), runs it through a
// given runner (the page's RuntimeHost, or the Node runtime in tests) and renders the feedback
// in both languages from the catalogue. It never compares source text, except with the starter.
// A prediction (predict exercises) is graded here without Python: the page runs the cell after.
import type { Death } from "../runtime/messages.ts";
import { normaliseSource } from "./python-source.ts";
import {
  type Bilingual,
  type FeedbackCatalogue,
  isChoice,
  type LocalCode,
  type PredictSpec,
} from "./schema.ts";

/** What a grading run tells the page. */
export interface GradeResult {
  passed: boolean;
  /** A key of content/exercises/feedback.json, e.g. "passed", "unchanged", "new-object". */
  feedbackId: string;
  message: Bilingual;
  /** What the reader's code printed while being graded (its start, when it was long). */
  output: string;
  /** When the reader printed more than the grader keeps: the end, and the lines between. */
  outputTail?: string;
  outputHiddenLines?: number;
}

/** Runs Python; resolves with everything written to stdout, or why the run failed. */
export type PythonRunner = (code: string) => Promise<
  | { ok: true; stdout: string }
  | { ok: false; kind: "timeout" | "error"; message: string }
  /** Python itself ended under the run: exited, crashed, or its worker was closed. */
  | { ok: false; kind: "died"; death: Death }
  /** The reader pressed Stop; `kept`: Python was not restarted (the run never started, or an interrupt ended it). */
  | { ok: false; kind: "stopped"; kept: boolean }
>;

/** The parts of an exercise grading needs. */
export interface Gradable {
  setup: LocalCode;
  starter: LocalCode;
  check: string;
}

const MARKER = "\x1eTLGRADE ";

/** Still the starter, in either language's version (line endings and blank lines aside). */
export function isUnchanged(code: string, starter: LocalCode): boolean {
  const mine = normaliseSource(code);
  return mine === normaliseSource(starter.en) || mine === normaliseSource(starter.zh);
}

/** JSON string literals are valid Python string literals (same escapes for what JSON emits). */
const py = (text: string) => JSON.stringify(text);

/** A random key for one grading run (getRandomValues works on plain-HTTP hosts too). */
export function verdictKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The Python program that grades `code` and prints one marked JSON line carrying `key`. */
export function gradingProgram(
  graderSource: string,
  ex: Gradable,
  code: string,
  key: string,
): string {
  return [
    "import sys as _sys, types as _types",
    '_tl = _types.ModuleType("tl_check")',
    `exec(compile(${py(graderSource)}, "tl_check.py", "exec"), _tl.__dict__)`,
    '_sys.modules["tl_check"] = _tl',
    `_tl.grade_and_report(${py(ex.setup.en)}, ${py(code)}, ${py(ex.check)}, ${py(key)})`,
    "",
  ].join("\n");
}

/** Fills {name} placeholders; unknown ones stay visible rather than vanish. */
export function renderFeedback(
  catalogue: FeedbackCatalogue,
  id: string,
  params: Record<string, string> = {},
): Bilingual {
  const entry = catalogue[id] ?? catalogue["not-yet"];
  if (!entry) throw new Error(`feedback catalogue has no "${id}" and no "not-yet"`);
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (all, key) => params[key] ?? all);
  return { zh: fill(entry.zh), en: fill(entry.en) };
}

interface RawResult {
  passed: boolean;
  feedbackId: string;
  params: Record<string, string>;
  output: string;
  outputTail?: string;
  outputHiddenLines?: number;
}

/** The grader's result line: the last one that carries this run's key. */
export function parseGradingOutput(stdout: string, key: string): RawResult | null {
  const marker = `${MARKER}${key} `;
  const at = stdout.lastIndexOf(marker);
  if (at < 0) return null;
  const line = stdout.slice(at + marker.length).split("\n", 1)[0] ?? "";
  return JSON.parse(line) as RawResult;
}

/** Grades the reader's code: "unchanged" without running when it is still the starter. */
export async function gradeExercise(opts: {
  exercise: Gradable;
  code: string;
  run: PythonRunner;
  graderSource: string;
  catalogue: FeedbackCatalogue;
}): Promise<GradeResult> {
  const { exercise, code, catalogue } = opts;
  const result = (passed: boolean, id: string, params: Record<string, string>, output = "") => ({
    passed,
    feedbackId: id in catalogue ? id : "not-yet",
    message: renderFeedback(catalogue, id, params),
    output,
  });
  if (isUnchanged(code, exercise.starter)) return result(false, "unchanged", {});
  const key = verdictKey();
  const ran = await opts.run(gradingProgram(opts.graderSource, exercise, code, key));
  if (!ran.ok) {
    if (ran.kind === "died") {
      const d = ran.death;
      if ("exitCode" in d) return result(false, "python-exited", { code: String(d.exitCode) });
      return result(
        false,
        "crash" in d && d.crash === "stack" ? "python-stack" : "python-died",
        {},
      );
    }
    if (ran.kind === "stopped") return result(false, ran.kept ? "stopped-kept" : "stopped", {});
    return ran.kind === "timeout"
      ? result(false, "timeout", {})
      : result(false, "runtime-failed", { message: ran.message });
  }
  const raw = parseGradingOutput(ran.stdout, key);
  if (!raw) return result(false, "runtime-failed", { message: "no grading result" });
  const graded = result(raw.passed, raw.feedbackId, raw.params, raw.output);
  return raw.outputTail === undefined
    ? graded
    : { ...graded, outputTail: raw.outputTail, outputHiddenLines: raw.outputHiddenLines ?? 0 };
}

/**
 * What a predict exercise's key says its cell does: prints `stdout` (the correct option's code,
 * or the first accepted value), or raises `raises`. The tests hold the cell to it.
 */
export function keyedOutcome(spec: PredictSpec): { stdout?: string; raises?: string } {
  if (!isChoice(spec)) return { stdout: spec.accept[0] ?? "" };
  const answer = spec.options.find((o) => o.id === spec.answer);
  return answer?.raises ? { raises: answer.raises } : { stdout: answer?.code ?? "" };
}

/** How typed predictions are compared: all whitespace removed, nothing else changed. */
export function normaliseAnswer(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Grades a prediction: `answer` is the chosen option's id (choices) or the typed text (values).
 * "predict-empty" when nothing was given; an unlisted wrong value gets "predict-wrong".
 */
export function gradePrediction(
  spec: PredictSpec,
  answer: string,
  catalogue: FeedbackCatalogue,
): GradeResult {
  const result = (passed: boolean, id: string): GradeResult => ({
    passed,
    feedbackId: id in catalogue ? id : "not-yet",
    message: renderFeedback(catalogue, id),
    output: "",
  });
  if (answer.trim() === "") return result(false, "predict-empty");
  if (isChoice(spec)) {
    if (answer === spec.answer) return result(true, "passed");
    const option = spec.options.find((o) => o.id === answer);
    return result(false, option?.feedback ?? "predict-empty");
  }
  const mine = normaliseAnswer(answer);
  if (spec.accept.some((a) => normaliseAnswer(a) === mine)) return result(true, "passed");
  const known = spec.wrong.find((w) => normaliseAnswer(w.value) === mine);
  return result(false, known?.feedback ?? "predict-wrong");
}
