// Runs each test/programs/*.py and requires stdout byte-identical to real PyTorch's
// (<name>.expected, from gen_expected.py) and, for an uncaught exception, the same final
// `Type: message` line. All run in one in-process runtime (Pyodide starts once); the first and
// the failing ones also go through the real CLI (bin/torchlit.mjs) to check the exit status.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createRuntime, type Runtime } from "torchlit/runtime";
import { pyodideIndexURL, readPythonSources } from "torchlit/runtime/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Ran, runCli } from "./cli-support.ts";

const dir = fileURLToPath(new URL("./programs/", import.meta.url));
const programs = readdirSync(dir)
  .filter((f) => f.endsWith(".py") && f !== "gen_expected.py")
  .sort();

let runtime: Runtime;
let captured = { stdout: "", stderr: "" };
const decoder = new TextDecoder();

beforeAll(async () => {
  runtime = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (b) => {
      captured.stdout += decoder.decode(b);
    },
    stderr: (b) => {
      captured.stderr += decoder.decode(b);
    },
  });
}, 60_000);
afterAll(() => {
  // Nothing to release: the runtime is garbage once the test file ends.
});

async function runInProcess(program: string, namespace?: string): Promise<Ran> {
  captured = { stdout: "", stderr: "" };
  const source = readFileSync(join(dir, program), "utf8");
  const result = await runtime.run(source, { filename: program, ...(namespace && { namespace }) });
  const stderr = captured.stderr + (result.traceback ?? "");
  return { code: result.ok ? 0 : 1, stdout: captured.stdout, stderr };
}

function check(program: string, ran: Ran): void {
  const base = join(dir, program.replace(/\.py$/, ""));
  // A missing fixture fails: run gen_expected.py with /usr/bin/python3 to create it.
  expect(existsSync(`${base}.expected`), `${program}.expected is missing`).toBe(true);
  expect(ran.stdout).toBe(readFileSync(`${base}.expected`, "utf8"));
  if (existsSync(`${base}.expected-error`)) {
    expect(ran.code).toBe(1);
    const last = ran.stderr.trimEnd().split("\n").at(-1);
    expect(`${last}\n`).toBe(readFileSync(`${base}.expected-error`, "utf8"));
    expect(ran.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "/);
    expect(ran.stderr).not.toMatch(/\/torchlit\/|file:\/\//);
  } else {
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
  }
}

describe("torchlit programs print what PyTorch prints", () => {
  it("has programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(12);
  });
  for (const program of programs) {
    it(program, { timeout: 30_000 }, async () => {
      check(program, await runInProcess(program));
    });
  }

  it("a RecursionError 20,000 frames deep is shown as CPython shows it, and Python lives on", async () => {
    const ran = await runInProcess("48_deep_recursion_uncaught.py");
    // CPython prints the last 1000 entries (sys.tracebacklimit): three, then the repeat count.
    expect(ran.stderr).toContain("  [Previous line repeated 997 more times]\n");
    expect(ran.stderr.match(/, in total\n/g)).toHaveLength(3);
    // Freeing the traceback did not overflow the JS stack: the same Python runs the next program.
    const next = await runtime.run("print(6 * 7)", { filename: "next.py" });
    expect(next.ok).toBe(true);
  });
});

describe("storage lifetime", () => {
  // A debug hook, not an API: the engine's allocation counters read through `_torchlit`, after
  // a full JS collection has run the storages' finalizers.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  async function liveStorages(): Promise<number> {
    runtime.pyodide.runPython("import gc; gc.collect()");
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
    return runtime.pyodide.runPython(
      "import _torchlit; _torchlit.allocStats.liveStorages",
    ) as number;
  }

  // Counts only storages created while tracking is on (off by default: it costs engine time).
  // The program runs twice in one namespace, for 10 steps and then for its full 1000: the second
  // run rebinds every name, so both measurements hold the same model, optimizer state, data and
  // last loss, and any storage a step leaves behind shows up about 990 times in the difference.
  it("a 1000-step training loop does not leave its temporaries alive", async () => {
    const program = "25_training_memory.py";
    const namespace = "training-memory";
    const source = readFileSync(join(dir, program), "utf8");
    expect(source).toContain("range(1000)");
    runtime.pyodide.runPython("import _torchlit; _torchlit.trackCollectedStorages(True)");
    try {
      const short = await runtime.run(source.replace("range(1000)", "range(10)"), { namespace });
      expect(short.traceback).toBeNull();
      const after10 = await liveStorages();
      check(program, await runInProcess(program, namespace));
      const after1000 = await liveStorages();
      expect(after10).toBeGreaterThan(0);
      expect(Math.abs(after1000 - after10)).toBeLessThanOrEqual(2);
    } finally {
      runtime.pyodide.runPython("import _torchlit; _torchlit.trackCollectedStorages(False)");
    }
  }, 60_000);
});

describe("the torchlit CLI", () => {
  const throughCli = [
    programs[0] as string,
    ...programs.filter((p) => existsSync(join(dir, p.replace(/\.py$/, ".expected-error")))),
  ];
  for (const program of throughCli) {
    it.concurrent(`runs ${program} with the same output and exit status`, {
      timeout: 60_000,
    }, async () => {
      check(program, await runCli([program], dir));
    });
  }
});
