// What tests that run Python share: a program run in an in-process Pyodide with the torch
// package (the last line it prints parsed as JSON), and whether Debian's real PyTorch is here.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRuntime } from "torchlit/runtime";
import { pyodideIndexURL, readPythonSources } from "torchlit/runtime/node";

/**
 * Runs `code` in a fresh runtime and returns the last line it printed, parsed as JSON; a
 * traceback throws with its text.
 */
export async function runPythonJson<T>(code: string): Promise<T> {
  let out = "";
  const runtime = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (b) => {
      out += new TextDecoder().decode(b);
    },
    stderr: () => {},
  });
  try {
    const result = await runtime.run(code);
    if (result.traceback !== null) throw new Error(result.traceback);
  } finally {
    runtime.close();
  }
  return JSON.parse(out.trim().split("\n").at(-1) ?? "null") as T;
}

/** Debian's interpreter with torch 1.13, the oracle the generators run under. */
export const ORACLE = "/usr/bin/python3";

/** Whether the oracle can import torch here (under CI=true its absence fails the tests). */
export const oracleHere = (): boolean =>
  existsSync(ORACLE) && spawnSync(ORACLE, ["-c", "import torch"]).status === 0;
