// Reads and validates every exercise folder under content/exercises/ (build time and tests,
// Node only: the browser gets exercises as JSON embedded in the page). Any problem throws one
// error listing every offending file, so a broken folder fails the build with a clear message.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type Exercise,
  exerciseMeta,
  type FeedbackCatalogue,
  feedbackCatalogue,
  type Mistake,
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

/** Reads the feedback catalogue (content/exercises/feedback.json). */
export function loadCatalogue(dir: string = EXERCISES_DIR): FeedbackCatalogue {
  const file = join(dir, "feedback.json");
  const parsed = feedbackCatalogue.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new ExerciseFormatError(
      parsed.error.issues.map((i) => `${show(file)}: ${i.path.join(".")}: ${i.message}`),
    );
  }
  return parsed.data;
}

function show(path: string): string {
  return relative(REPO_ROOT, path) || path;
}

/** Every exercise, validated, sorted by lesson order then order. Throws ExerciseFormatError. */
export function loadExercises(dir: string = EXERCISES_DIR): Exercise[] {
  const problems: string[] = [];
  const catalogue = loadCatalogue(dir);
  const exercises: Exercise[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const entry of folders) {
    const folder = join(dir, entry.name);
    const prefix = FOLDER.exec(entry.name);
    if (!prefix) {
      problems.push(`${show(folder)}: folder names are NN-slug, e.g. 03-memory-inplace`);
      continue;
    }
    const read = (name: string, required = true): string | null => {
      const file = join(folder, name);
      if (!existsSync(file)) {
        if (required) problems.push(`${show(file)}: missing (required)`);
        return null;
      }
      return readFileSync(file, "utf8");
    };
    const metaText = read("exercise.json");
    let meta = null;
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
    const texts = {
      zh: read("prompt.zh.md"),
      en: read("prompt.en.md"),
      starter: read("starter.py"),
      solution: read("solution.py"),
      check: read("check.py"),
      setup: read("setup.py", false) ?? "",
    };
    if (texts.check !== null && !/^def check\(/m.test(texts.check))
      problems.push(`${show(join(folder, "check.py"))}: must define check(ns, run)`);
    const mistakes: Mistake[] = [];
    const mistakesDir = join(folder, "mistakes");
    const mistakeFiles = existsSync(mistakesDir)
      ? readdirSync(mistakesDir).filter((f) => f.endsWith(".py"))
      : [];
    if (mistakeFiles.length === 0)
      problems.push(`${show(mistakesDir)}: at least one mistakes/<name>.py is required`);
    for (const file of mistakeFiles.sort()) {
      const code = readFileSync(join(mistakesDir, file), "utf8");
      const expected = parseExpectLine(code);
      const where = show(join(mistakesDir, file));
      if (expected === null)
        problems.push(`${where}: first line must be "# expect: <feedback-id>"`);
      else if ((untargetedFeedback as readonly string[]).includes(expected))
        problems.push(`${where}: "${expected}" is not targeted feedback; name a specific id`);
      else if (!(expected in catalogue))
        problems.push(
          `${where}: feedback id "${expected}" is not in content/exercises/feedback.json`,
        );
      else mistakes.push({ name: file.slice(0, -3), expect: expected, code });
    }
    if (meta && texts.zh !== null && texts.en !== null && texts.starter !== null) {
      if (texts.solution !== null && texts.check !== null) {
        exercises.push({
          ...meta,
          order: meta.order ?? Number(prefix[1]),
          folder: entry.name,
          prompt: { zh: texts.zh, en: texts.en },
          setup: texts.setup,
          starter: texts.starter,
          solution: texts.solution,
          check: texts.check,
          mistakes,
        });
      }
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
  return exercises.sort((a, b) => a.folder.localeCompare(b.folder));
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
