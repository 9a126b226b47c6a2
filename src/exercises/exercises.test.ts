// One generated test per exercise and per wrong answer, read from content/exercises/: the
// solution passes, the unchanged starter is told so, each mistake gets exactly its feedback.
// Then every solution runs under real PyTorch (/usr/bin/python3) and the engine and must print
// the same. Adding an exercise folder adds its tests; nothing here names an exercise.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeExercise } from "./grade.ts";
import { loadCatalogue, loadExercises } from "./load.ts";
import { graderSource, nodeRunner, runPython } from "./node-runner.ts";

const exercises = loadExercises();
const catalogue = loadCatalogue();
// Starting Pyodide takes seconds; do it once, before the first (timed) test.
beforeAll(() => runPython("pass"), 120_000);

const grade = (exercise: (typeof exercises)[number], code: string) =>
  gradeExercise({ exercise, code, run: nodeRunner, graderSource, catalogue });

describe.each(exercises.map((e) => [e.folder, e] as const))("exercise %s", (_folder, exercise) => {
  it("passes its solution", async () => {
    const result = await grade(exercise, exercise.solution);
    expect(result.feedbackId, result.message.en).toBe("passed");
    expect(result.passed).toBe(true);
  });

  it("tells an unchanged starter so, and does not pass it", async () => {
    const result = await grade(exercise, exercise.starter);
    expect(result).toMatchObject({ passed: false, feedbackId: "unchanged" });
  });

  it("does not pass the starter with a trivial edit either", async () => {
    const result = await grade(exercise, `${exercise.starter}\npass\n`);
    expect(result.passed).toBe(false);
  });

  it.each(exercise.mistakes.map((m) => [m.name, m] as const))(
    "gives mistake %s its own feedback",
    async (_name, mistake) => {
      const result = await grade(exercise, mistake.code);
      expect(result.passed).toBe(false);
      expect(result.feedbackId, result.message.en).toBe(mistake.expect);
      expect(result.message.en).not.toBe(catalogue["not-yet"]?.en);
      expect(result.message.zh).not.toMatch(/\{\w+\}/);
    },
  );
});

/**
 * Runs programs under real PyTorch in one /usr/bin/python3 process (importing torch once), each
 * in a fresh namespace with its stdout captured; null when this machine has no PyTorch.
 */
function underPyTorch(programs: string[]): { stdout: string; error: string | null }[] | null {
  const driver = `
import contextlib, io, json, sys, traceback
import torch
results = []
for program in json.load(sys.stdin):
    out = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(program, "<exercise>", "exec"), {"__name__": "__main__"})
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    results.append({"stdout": out.getvalue(), "error": error})
print(json.dumps(results))
`;
  const run = spawnSync("/usr/bin/python3", ["-c", driver], {
    input: JSON.stringify(programs),
    encoding: "utf8",
  });
  if (run.error || run.status !== 0) return null;
  return JSON.parse(run.stdout);
}

const programs = exercises.map((e) => `${e.setup}\n${e.solution}`);
const oracle = underPyTorch(programs);
if (!oracle) {
  const message = "exercise oracle: /usr/bin/python3 with torch is missing";
  if (process.env.CI === "true") throw new Error(`${message} (required under CI=true)`);
  console.warn(`\n*** SKIPPING: ${message}; install python3-torch to compare solutions ***\n`);
}

describe.skipIf(!oracle).each(exercises.map((e, i) => [e.folder, i] as const))(
  "solution of %s under real PyTorch",
  (_folder, i) => {
    it("prints what it prints on the engine", async () => {
      const real = oracle?.[i];
      expect(real?.error ?? null).toBeNull();
      const ours = await runPython(programs[i] ?? "");
      expect(ours.traceback).toBeNull();
      expect(ours.stdout).toBe(real?.stdout);
    });
  },
);
