// Tests only: one Node Pyodide runtime (the same createRuntime the browser worker uses) shared
// by every exercise test in a Vitest worker, exposed as a PythonRunner for gradeExercise and as
// a plain "run and capture stdout" helper. Never imported by site pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRuntime, type Runtime } from "torchlit/runtime";
import { pyodideIndexURL, readPythonSources } from "torchlit/runtime/node";
import type { PythonRunner } from "./grade.ts";

let runtime: Promise<Runtime> | undefined;
let captured = "";
const decoder = new TextDecoder();

function shared(): Promise<Runtime> {
  runtime ??= createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (bytes) => {
      captured += decoder.decode(bytes, { stream: true });
    },
    stderr: () => {},
  });
  return runtime;
}

/** Runs a program in a fresh namespace; its stdout, and the traceback if it failed. */
export async function runPython(
  code: string,
): Promise<{ stdout: string; traceback: string | null }> {
  const rt = await shared();
  captured = "";
  const result = await rt.run(code, { filename: "<exercise>" });
  return { stdout: captured, traceback: result.traceback };
}

export const nodeRunner: PythonRunner = async (code) => {
  const { stdout, traceback } = await runPython(code);
  return traceback === null
    ? { ok: true, stdout }
    : { ok: false, kind: "error", message: traceback };
};

/** The grader library's source, as the browser bundles it. */
export const graderSource = readFileSync(
  join(process.cwd(), "src", "exercises", "grader", "tl_check.py"),
  "utf8",
);
