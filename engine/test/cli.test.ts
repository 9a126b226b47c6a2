// The CLI as a process: how it ends when Python ends itself, when the reader closes the pipe,
// and when it is sent a signal (bin/torchlit.mjs and src/cli/run.ts, through real processes).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-support.ts";

const bin = fileURLToPath(new URL("../bin/torchlit.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "torchlit-cli-"));
const program = (name: string, code: string) => {
  writeFileSync(join(dir, name), code);
  return name;
};

/** Processes whose command line names `file` (Linux /proc): none may outlive the CLI. */
function processesRunning(file: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(file)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe("the torchlit CLI as a process", () => {
  it("ends with os._exit's status, and prints nothing of Pyodide", {
    timeout: 60_000,
  }, async () => {
    const ran = await runCli([program("exit4.py", 'import os\nprint("hi")\nos._exit(4)\n')], dir);
    expect(ran).toEqual({ code: 4, stdout: "hi\n", stderr: "" });
  });

  it("ends as CPython does when the reader closes the pipe", { timeout: 60_000 }, async () => {
    const name = program("many.py", "for i in range(10**6):\n    print(i)\n");
    const child = spawn(process.execPath, [bin, "run", name], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString("utf8");
    });
    // What `| head -1` does: read a little, then close the read end.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("BrokenPipeError: [Errno 32] Broken pipe\n");
  });

  it("passes SIGTERM on and leaves no process behind", { timeout: 60_000 }, async () => {
    const name = program("spin-sigterm.py", 'print("ready", flush=True)\nwhile True:\n    pass\n');
    const child = spawn(process.execPath, [bin, "run", name], { cwd: dir });
    await new Promise((resolve) => child.stdout.once("data", resolve));
    expect(processesRunning(name).length).toBeGreaterThanOrEqual(2);
    child.kill("SIGTERM");
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on("close", (c, s) => resolve([c, s])),
    );
    // Ended by the signal itself, as a shell sees it: status 128 + 15.
    expect([code, signal]).toEqual([null, "SIGTERM"]);
    await new Promise((r) => setTimeout(r, 500));
    expect(processesRunning(name)).toEqual([]);
  });
});
