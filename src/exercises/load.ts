// Reads and validates every exercise folder under content/exercises/ (build time and tests,
// Node only: the browser gets exercises as JSON embedded in the page). Any problem throws one
// error listing every offending file, so a broken folder fails the build with a clear message.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { normaliseAnswer } from "./grade.ts";
import { sameCode } from "./python-source.ts";
import {
  type Exercise,
  type ExerciseMeta,
  exerciseMeta,
  type FeedbackCatalogue,
  feedbackCatalogue,
  isChoice,
  type LocalCode,
  type Mistake,
  type PredictSpec,
  parseExpectLine,
  untargetedFeedback,
} from "./schema.ts";

/**
 * The repository root: the working directory of `astro build`, Vitest and Playwright. (Not
 * import.meta.url: the build bundles this module elsewhere, so relative URLs would break.)
 */
const REPO_ROOT = process.cwd();
/** content/exercises under the repository root. */
export const EXERCISES_DIR = join(REPO_ROOT, "content", "exercises");

export class ExerciseFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid exercises:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ExerciseFormatError";
  }
}

const FOLDER = /^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$/;
/** Mistakes a write-code exercise needs at least, each with its own feedback. */
export const MIN_MISTAKES = 2;

function show(path: string): string {
  return relative(REPO_ROOT, path) || path;
}

function readCatalogueFile(file: string, problems: string[]): FeedbackCatalogue {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`${show(file)}: not JSON (${(e as Error).message})`);
    return {};
  }
  const parsed = feedbackCatalogue.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues)
    problems.push(`${show(file)}: ${i.path.join(".")}: ${i.message}`);
  return {};
}

/** The exercises' folders (NN-slug), sorted. */
function exerciseFolders(dir: string) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * The feedback catalogue: content/exercises/feedback.json plus every exercise folder's own
 * feedback.json. An id defined twice is an error (ids are global: the site and tests look them up
 * by id alone).
 */
export function loadCatalogue(dir: string = EXERCISES_DIR): FeedbackCatalogue {
  const problems: string[] = [];
  const catalogue = collectCatalogue(dir, problems);
  if (problems.length > 0) throw new ExerciseFormatError(problems);
  return catalogue;
}

function collectCatalogue(dir: string, problems: string[]): FeedbackCatalogue {
  const catalogue = readCatalogueFile(join(dir, "feedback.json"), problems);
  const where = new Map(
    Object.keys(catalogue).map((id) => [id, "content/exercises/feedback.json"]),
  );
  for (const name of exerciseFolders(dir)) {
    const file = join(dir, name, "feedback.json");
    if (!existsSync(file)) continue;
    for (const [id, text] of Object.entries(readCatalogueFile(file, problems))) {
      const other = where.get(id);
      if (other) problems.push(`${show(file)}: feedback id "${id}" is also defined in ${other}`);
      else {
        catalogue[id] = text;
        where.set(id, show(file));
      }
    }
  }
  return catalogue;
}

/** Checks a predict spec against the catalogue; returns its problems. */
function predictProblems(spec: PredictSpec, catalogue: FeedbackCatalogue): string[] {
  const problems: string[] = [];
  const targeted = (id: string, what: string) => {
    if ((untargetedFeedback as readonly string[]).includes(id))
      problems.push(`${what}: "${id}" is not targeted feedback; name a specific id`);
    else if (!(id in catalogue)) problems.push(`${what}: feedback id "${id}" is not defined`);
  };
  if (isChoice(spec)) {
    const ids = spec.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.push("predict.options: option ids repeat");
    if (!ids.includes(spec.answer))
      problems.push(`predict.answer: "${spec.answer}" is not an option id`);
    for (const option of spec.options) {
      const what = `predict.options "${option.id}"`;
      if (option.id === spec.answer) {
        if (option.feedback) problems.push(`${what}: the answer carries no feedback`);
      } else if (!option.feedback) problems.push(`${what}: a wrong option needs its feedback`);
      else targeted(option.feedback, what);
    }
  } else {
    const accepted = new Set(spec.accept.map(normaliseAnswer));
    for (const wrong of spec.wrong) {
      const what = `predict.wrong "${wrong.value}"`;
      if (accepted.has(normaliseAnswer(wrong.value))) problems.push(`${what}: is also accepted`);
      targeted(wrong.feedback, what);
    }
  }
  return problems;
}

/** Every exercise, validated, sorted by folder. Throws ExerciseFormatError. */
export function loadExercises(dir: string = EXERCISES_DIR): Exercise[] {
  const problems: string[] = [];
  const catalogue = collectCatalogue(dir, problems);
  const exercises: Exercise[] = [];
  for (const name of exerciseFolders(dir)) {
    const folder = join(dir, name);
    const prefix = FOLDER.exec(name);
    if (!prefix) {
      problems.push(`${show(folder)}: folder names are NN-slug, e.g. 03-memory-inplace`);
      continue;
    }
    const before = problems.length;
    const read = (file: string, required = true): string | null => {
      const path = join(folder, file);
      if (!existsSync(path)) {
        if (required) problems.push(`${show(path)}: missing (required)`);
        return null;
      }
      return readFileSync(path, "utf8");
    };
    /** name.py and optional name.zh.py, which may differ from it in comments only. */
    const readLocal = (base: string, required = true): LocalCode | null => {
      const en = read(`${base}.py`, required);
      const zh = read(`${base}.zh.py`, false);
      if (zh !== null && en === null)
        problems.push(`${show(join(folder, `${base}.zh.py`))}: has no ${base}.py beside it`);
      if (zh !== null && en !== null && !sameCode(en, zh))
        problems.push(
          `${show(join(folder, `${base}.zh.py`))}: differs from ${base}.py in more than comments`,
        );
      return en === null ? null : { en, zh: zh ?? en };
    };

    let meta: ExerciseMeta | null = null;
    const metaText = read("exercise.json");
    if (metaText !== null) {
      try {
        const parsed = exerciseMeta.safeParse(JSON.parse(metaText));
        if (parsed.success) meta = parsed.data;
        else
          for (const issue of parsed.error.issues)
            problems.push(
              `${show(join(folder, "exercise.json"))}: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
            );
      } catch (e) {
        problems.push(`${show(join(folder, "exercise.json"))}: not JSON (${(e as Error).message})`);
      }
    }
    const zh = read("prompt.zh.md");
    const en = read("prompt.en.md");
    const setup = readLocal("setup", false) ?? { en: "", zh: "" };
    // Its problems were reported by collectCatalogue already.
    const ownFeedback = existsSync(join(folder, "feedback.json"))
      ? readCatalogueFile(join(folder, "feedback.json"), [])
      : {};
    if (!meta || zh === null || en === null) continue;
    const base = {
      ...meta,
      order: meta.order ?? Number(prefix[1]),
      folder: name,
      prompt: { zh, en },
      setup,
      feedback: ownFeedback,
    };
    const metaFile = show(join(folder, "exercise.json"));
    // A title is a heading and a progress-page entry: plain text, no Markdown to show raw.
    for (const lang of ["en", "zh"] as const)
      if (/[`*]/.test(meta.title[lang]))
        problems.push(`${metaFile}: title.${lang}: plain text only (no \` or *)`);

    if (meta.kind === "predict") {
      const cell = readLocal("cell");
      for (const file of ["starter.py", "solution.py", "check.py", "mistakes"])
        if (existsSync(join(folder, file)))
          problems.push(`${show(join(folder, file))}: a predict exercise has no ${file}`);
      if (!meta.predict) problems.push(`${metaFile}: predict: required when kind is "predict"`);
      else
        for (const p of predictProblems(meta.predict, catalogue))
          problems.push(`${metaFile}: ${p}`);
      if (cell && meta.predict && problems.length === before) {
        const { predict, kind: _kind, ...rest } = base;
        exercises.push({ ...rest, kind: "predict", cell, predict: meta.predict });
      }
      continue;
    }

    if (meta.predict) problems.push(`${metaFile}: predict: only for kind "predict"`);
    const starter = readLocal("starter");
    const solution = readLocal("solution");
    const check = read("check.py");
    if (check !== null && !/^def check\(/m.test(check))
      problems.push(`${show(join(folder, "check.py"))}: must define check(ns, run)`);
    const mistakes: Mistake[] = [];
    const mistakesDir = join(folder, "mistakes");
    const mistakeFiles = existsSync(mistakesDir)
      ? readdirSync(mistakesDir).filter((f) => f.endsWith(".py"))
      : [];
    if (mistakeFiles.length < MIN_MISTAKES)
      problems.push(
        `${show(mistakesDir)}: at least ${MIN_MISTAKES} mistakes/<name>.py are required (found ${mistakeFiles.length})`,
      );
    for (const file of mistakeFiles.sort()) {
      const code = readFileSync(join(mistakesDir, file), "utf8");
      const expected = parseExpectLine(code);
      const where = show(join(mistakesDir, file));
      if (expected === null)
        problems.push(`${where}: first line must be "# expect: <feedback-id>"`);
      else if ((untargetedFeedback as readonly string[]).includes(expected))
        problems.push(`${where}: "${expected}" is not targeted feedback; name a specific id`);
      else if (!(expected in catalogue))
        problems.push(`${where}: feedback id "${expected}" is not defined`);
      else mistakes.push({ name: file.slice(0, -3), expect: expected, code });
    }
    if (starter && solution && check !== null && problems.length === before) {
      const { predict: _predict, kind: _kind, ...rest } = base;
      exercises.push({ ...rest, kind: "code", starter, solution, check, mistakes });
    }
  }
  const seen = new Map<string, string>();
  for (const ex of exercises) {
    const other = seen.get(ex.id);
    if (other)
      problems.push(`content/exercises/${ex.folder}: id "${ex.id}" is also used by ${other}`);
    seen.set(ex.id, ex.folder);
  }
  if (problems.length > 0) throw new ExerciseFormatError(problems);
  return exercises;
}

let cached: Exercise[] | undefined;

/** loadExercises() once per process (the build renders many pages). */
export function allExercises(): Exercise[] {
  cached ??= loadExercises();
  return cached;
}

/** The exercise with this id; throws naming the known ids otherwise. */
export function exerciseById(id: string): Exercise {
  const found = allExercises().find((e) => e.id === id);
  if (!found)
    throw new Error(
      `<Exercise id="${id}" />: no such exercise (known: ${allExercises()
        .map((e) => e.id)
        .join(", ")})`,
    );
  return found;
}
