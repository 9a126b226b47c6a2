// Node-only helpers for the runtime: reads engine/python from disk into the sources map and
// finds Pyodide's package folder in node_modules. Browser hosts must not import this file.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { PythonSources } from "./index.ts";

/** engine/python, next to engine/src. */
export const PYTHON_DIR = fileURLToPath(new URL("../../python/", import.meta.url));

export function readPythonSources(dir: string = PYTHON_DIR): PythonSources {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "__pycache__") walk(p);
      } else if (e.name.endsWith(".py")) {
        out[relative(dir, p).split(sep).join("/")] = readFileSync(p, "utf8");
      }
    }
  };
  walk(dir);
  return out;
}

/** The folder holding pyodide.asm.wasm, resolved like an import of "pyodide" from here. */
export function pyodideIndexURL(): string {
  return `${dirname(fileURLToPath(import.meta.resolve("pyodide")))}${sep}`;
}
