// The `torchlit run FILE.py | -` command: runs a Python file (or stdin) on the engine through
// Pyodide, with stdout passed through byte for byte and an uncaught exception's traceback on
// stderr (exit status 1). Started by bin/torchlit.mjs, which picks Node and the JSPI flag.
import { readFileSync } from "node:fs";
import { createRuntime } from "../runtime/index.ts";
import { pyodideIndexURL, readPythonSources } from "../runtime/node-sources.ts";

const USAGE = "usage: torchlit run FILE.py | -\n";

async function main(argv: readonly string[]): Promise<number> {
  const [command, file] = argv;
  if (command !== "run" || file === undefined || argv.length !== 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  let code: string;
  try {
    code = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(`torchlit: can't open file '${file}': ${(e as Error).message}\n`);
    return 2;
  }
  const runtime = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (b) => process.stdout.write(b),
    stderr: (b) => process.stderr.write(b),
  });
  const result = await runtime.run(code, { filename: file === "-" ? "<stdin>" : file });
  if (result.traceback !== null) process.stderr.write(result.traceback);
  return result.ok ? 0 : 1;
}

// exitCode, not exit(): pending writes to a piped stdout must drain first.
process.exitCode = await main(process.argv.slice(2));
