// One generated test per exercise and per wrong answer, read from content/exercises/. A code
// exercise: the solution passes (in both languages' versions), either unchanged starter is told
// so, each mistake gets exactly its feedback. A predict exercise: the answer passes, each wrong
// answer gets its feedback, and the keyed answer is what the cell really prints. Then every
// solution and every cell runs under real PyTorch (/usr/bin/python3) and the engine and must
// print the same. Adding an exercise folder adds its tests; nothing here names an exercise.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeExercise, gradePrediction, keyedOutcome } from "./grade.ts";
import { loadCatalogue, loadExercises } from "./load.ts";
import { graderSource, nodeRunner, runPython } from "./node-runner.ts";
import {
  type CodeExercise,
  type Exercise,
  isChoice,
  type PredictExercise,
  untargetedFeedback,
} from "./schema.ts";

const exercises = loadExercises();
const catalogue = loadCatalogue();
const codeExercises = exercises.filter((e): e is CodeExercise => e.kind === "code");
const predictExercises = exercises.filter((e): e is PredictExercise => e.kind === "predict");
// Starting Pyodide takes seconds; do it once, before the first (timed) test.
beforeAll(() => runPython("pass"), 120_000);

const grade = (exercise: CodeExercise, code: string) =>
  gradeExercise({ exercise, code, run: nodeRunner, graderSource, catalogue });

describe.each(codeExercises.map((e) => [e.folder, e] as const))(
  "exercise %s",
  (_folder, exercise) => {
    it("passes its solution, in each language's version", async () => {
      for (const lang of ["en", "zh"] as const) {
        const result = await grade(exercise, exercise.solution[lang]);
        expect(result.feedbackId, `${lang}: ${result.message.en}`).toBe("passed");
        expect(result.passed).toBe(true);
      }
    });

    it("tells an unchanged starter so in either language, and does not pass it", async () => {
      for (const lang of ["en", "zh"] as const) {
        const result = await grade(exercise, exercise.starter[lang]);
        expect(result).toMatchObject({ passed: false, feedbackId: "unchanged" });
      }
    });

    it("does not pass the starter with a trivial edit either", async () => {
      const result = await grade(exercise, `${exercise.starter.en}\npass\n`);
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
  },
);

/** Every answer a predict exercise can be given, with the feedback it must get. */
function predictAnswers(ex: PredictExercise): [string, string][] {
  const p = ex.predict;
  if (isChoice(p))
    return p.options.map((o) => [o.id, o.id === p.answer ? "passed" : (o.feedback ?? "")]);
  return [
    ...p.accept.map((a): [string, string] => [a, "passed"]),
    // Spacing never matters: the first accepted answer with its spaces taken out or doubled.
    [(p.accept[0] ?? "").replace(/\s+/g, ""), "passed"],
    [` ${(p.accept[0] ?? "").replace(/ /g, "  ")} `, "passed"],
    ...p.wrong.map((w): [string, string] => [w.value, w.feedback]),
    ["an answer nobody keyed", "predict-wrong"],
  ];
}

const keyed = (ex: PredictExercise) => keyedOutcome(ex.predict);

/** Printed output as compared with a keyed answer: trailing spaces and blank lines dropped. */
const printed = (text: string) => text.replace(/[ \t]+$/gm, "").replace(/\n+$/, "");

describe.each(predictExercises.map((e) => [e.folder, e] as const))(
  "predict exercise %s",
  (_folder, exercise) => {
    it.each(predictAnswers(exercise))("grades the answer %j as %s", (answer, expected) => {
      const result = gradePrediction(exercise.predict, answer, catalogue);
      expect(result.feedbackId).toBe(expected);
      expect(result.passed).toBe(expected === "passed");
      expect(result.message.zh).not.toMatch(/\{\w+\}/);
      if (expected !== "passed" && expected !== "predict-wrong")
        expect(untargetedFeedback as readonly string[]).not.toContain(expected);
    });

    it("asks for a prediction when none was given", () => {
      expect(gradePrediction(exercise.predict, "  ", catalogue).feedbackId).toBe("predict-empty");
    });

    it("keys the answer the cell really gives on the engine", async () => {
      const ran = await runPython(`${exercise.setup.en}\n${exercise.cell.en}`);
      const key = keyed(exercise);
      if (key.raises) expect(ran.traceback ?? "").toMatch(new RegExp(`^${key.raises}:`, "m"));
      else {
        expect(ran.traceback).toBeNull();
        expect(printed(ran.stdout)).toBe(printed(key.stdout ?? ""));
      }
    });
  },
);

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

/** The program whose output real PyTorch must reproduce: the solution, or the predicted cell. */
const programOf = (e: Exercise) =>
  `${e.setup.en}\n${e.kind === "predict" ? e.cell.en : e.solution.en}`;
const programs = exercises.map(programOf);
const oracle = underPyTorch(programs);
if (!oracle) {
  const message = "exercise oracle: /usr/bin/python3 with torch is missing";
  if (process.env.CI === "true") throw new Error(`${message} (required under CI=true)`);
  console.warn(`\n*** SKIPPING: ${message}; install python3-torch to compare solutions ***\n`);
}

describe.skipIf(!oracle).each(exercises.map((e, i) => [e.folder, e, i] as const))(
  "%s under real PyTorch",
  (_folder, exercise, i) => {
    it("prints what it prints on the engine", async () => {
      const real = oracle?.[i];
      const ours = await runPython(programs[i] ?? "");
      expect(ours.stdout).toBe(real?.stdout);
      if (exercise.kind === "predict" && keyed(exercise).raises) {
        const type = keyed(exercise).raises;
        expect(real?.error ?? "").toMatch(new RegExp(`^${type}:`));
        expect(ours.traceback ?? "").toContain(real?.error ?? "");
      } else {
        expect(real?.error ?? null).toBeNull();
        expect(ours.traceback).toBeNull();
      }
    });

    if (exercise.kind === "predict")
      it("keys the answer real PyTorch gives", () => {
        const key = keyed(exercise);
        if (key.stdout !== undefined)
          expect(printed(oracle?.[i]?.stdout ?? "")).toBe(printed(key.stdout));
        else expect(oracle?.[i]?.error ?? "").toMatch(new RegExp(`^${key.raises}:`));
      });
  },
);
