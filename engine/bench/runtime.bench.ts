// `npm run bench:runtime -w engine`: the Python runtime in Node. Cold start (fresh process per
// sample: import to the first result of `import torch; print(torch.ones(2))`, against bare
// `loadPyodide` + one line from the same pyodide package), warm one-line runs, and the per-op
// overhead of the Python layer over the engine's TS API. Rewrites only the `## Python runtime`
// section of engine/BENCHMARKS.md (sections.ts); it must not touch the CPU or WebGPU rows.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { RUNTIME_HEADING, replaceSection } from "./sections.ts";

const OUT = new URL("../BENCHMARKS.md", import.meta.url);
/** Cold-start samples per kind (each a fresh Node process), after one discarded pair. */
const COLD_RUNS = 5;
/** Warm runs of each one-line cell on one runtime. */
const WARM_RUNS = 20;
/** Iterations per per-op timing, and repeats of the whole timing (median taken). */
const OPS = 2000;
const OP_REPEATS = 5;
/** The bars. */
const COLD_BAR = 1.25;
const WARM_BAR_MS = 50;

const FIRST_CELL = "import torch; print(torch.ones(2))";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmtMs = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const fmtUs = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function git(cmd: string): string {
  try {
    return execFileSync("git", cmd.split(" "), {
      cwd: new URL("..", import.meta.url),
      encoding: "utf8",
    }).trim();
  } catch {
    return "";
  }
}

// --- Child processes: one cold start each, reported on stdout as `BENCH <ms>`. ---

/** Bare Pyodide: import of the package to loadPyodide() done and `1 + 1` run. */
async function coldBare(): Promise<number> {
  const t0 = performance.now();
  const { loadPyodide } = await import("pyodide");
  const { pyodideIndexURL } = await import("torchlit/runtime/node");
  const py = await loadPyodide({ indexURL: pyodideIndexURL() });
  if (py.runPython("1 + 1") !== 2) throw new Error("bare Pyodide: 1 + 1 is not 2");
  return performance.now() - t0;
}

/** Torchlit: import of the runtime to FIRST_CELL's printed result (engine, torch imported). */
async function coldTorchlit(): Promise<number> {
  const t0 = performance.now();
  const { createRuntime } = await import("torchlit/runtime");
  const { pyodideIndexURL, readPythonSources } = await import("torchlit/runtime/node");
  let out = "";
  const decoder = new TextDecoder();
  const rt = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (b) => {
      out += decoder.decode(b);
    },
    stderr: () => {},
  });
  const r = await rt.run(FIRST_CELL);
  const ms = performance.now() - t0;
  if (!r.ok || !out.includes("tensor([1., 1.])")) throw new Error(`first cell: ${out}`);
  rt.close();
  return ms;
}

function coldSample(kind: "bare" | "torchlit"): number {
  const self = fileURLToPath(import.meta.url);
  const stdout = execFileSync(process.execPath, [...process.execArgv, self, "--child", kind], {
    encoding: "utf8",
  });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (line === undefined) throw new Error(`no result from the ${kind} child: ${stdout}`);
  return Number(line.slice(6));
}

// --- In this process: warm runs and per-op overhead on one runtime. ---

const PY_OPS = `
import time, torch
x = torch.ones(4)
y = torch.ones(4)
a, b = 1.0, 2.0
for _ in range(200):
    z = x + y
    s = x.sum().item()
t = time.perf_counter()
for _ in range(${OPS}):
    z = x + y
add = time.perf_counter() - t
t = time.perf_counter()
for _ in range(${OPS}):
    s = x.sum().item()
sum_item = time.perf_counter() - t
t = time.perf_counter()
for _ in range(${OPS}):
    c = a + b
loop = time.perf_counter() - t
print("OPS", add, sum_item, loop)
`;

interface PerOp {
  add: number;
  sumItem: number;
  loop: number;
}

async function tsPerOp(): Promise<PerOp> {
  const { ones } = await import("torchlit");
  const x = ones([4]);
  const y = ones([4]);
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += x.add(y).numel() + Number(x.sum().item());
  let t = performance.now();
  for (let i = 0; i < OPS; i++) sink += x.add(y).numel();
  const add = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < OPS; i++) sink += Number(x.sum().item());
  const sumItem = performance.now() - t;
  if (sink === 0) throw new Error("unreachable: keeps the loops from being optimised away");
  return { add: (add * 1000) / OPS, sumItem: (sumItem * 1000) / OPS, loop: 0 };
}

async function warmAndOps(): Promise<{ warm: number[][]; py: PerOp[]; ts: PerOp[] }> {
  const { createRuntime } = await import("torchlit/runtime");
  const { pyodideIndexURL, readPythonSources } = await import("torchlit/runtime/node");
  let out = "";
  const decoder = new TextDecoder();
  const rt = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: readPythonSources(),
    stdout: (b) => {
      out += decoder.decode(b);
    },
    stderr: () => {},
  });
  await rt.run(FIRST_CELL);
  const warm: number[][] = [];
  for (const cell of ["1 + 1", FIRST_CELL]) {
    const times: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t0 = performance.now();
      const r = await rt.run(cell);
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(`warm ${cell}: ${r.traceback}`);
    }
    warm.push(times);
  }
  const py: PerOp[] = [];
  const ts: PerOp[] = [];
  for (let i = 0; i < OP_REPEATS; i++) {
    out = "";
    const r = await rt.run(PY_OPS);
    const line = out.split("\n").find((l) => l.startsWith("OPS "));
    if (!r.ok || line === undefined) throw new Error(`per-op cell: ${r.traceback ?? out}`);
    const [add, sumItem, loop] = line.split(" ").slice(1).map(Number) as [number, number, number];
    py.push({ add: (add * 1e6) / OPS, sumItem: (sumItem * 1e6) / OPS, loop: (loop * 1e6) / OPS });
    ts.push(await tsPerOp());
  }
  rt.close();
  return { warm, py, ts };
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0] as number;
  // One discarded pair: the first process pays for cold disk caches, not for the runtime.
  coldSample("bare");
  coldSample("torchlit");
  const bare: number[] = [];
  const torchlit: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    bare.push(coldSample("bare"));
    torchlit.push(coldSample("torchlit"));
    console.log(
      `cold ${i + 1}: bare ${fmtMs(bare[i] ?? 0)} ms, torchlit ${fmtMs(torchlit[i] ?? 0)} ms`,
    );
  }
  const { warm, py, ts } = await warmAndOps();
  const loadEnd = os.loadavg()[0] as number;

  const ratio = median(torchlit) / median(bare);
  const [warm1, warmTorch] = warm as [number[], number[]];
  const warmMed = median(warm1);
  const pyAdd = median(py.map((p) => p.add));
  const pySum = median(py.map((p) => p.sumItem));
  const pyLoop = median(py.map((p) => p.loop));
  const tsAdd = median(ts.map((p) => p.add));
  const tsSum = median(ts.map((p) => p.sumItem));
  const cpus = os.cpus();
  const commit = git("rev-parse --short HEAD");
  const dirty =
    git("status --porcelain -- .") !== "" ? " (with uncommitted changes in engine/)" : "";
  const busy = Math.max(loadStart, loadEnd) > cpus.length;
  const samples = (xs: number[]): string => xs.map(fmtMs).join(", ");
  const md = [
    RUNTIME_HEADING,
    "",
    "Written by `npm run bench:runtime -w engine` (engine/bench/runtime.bench.ts), which rewrites",
    "only this section; do not edit by hand. The same runtime in headless Chromium:",
    "[docs/BENCHMARKS-runtime.md](../docs/BENCHMARKS-runtime.md).",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.arch()}`,
    `- Node ${process.version} (V8 ${process.versions.v8}), flags: ${process.execArgv.join(" ") || "none"}`,
    `- Commit: ${commit}${dirty}`,
    `- Load average (1 min): ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end, on ${cpus.length} cores. The machine is shared with other work${busy ? ", and was busy: times carry that noise; compare rows of one run, not runs" : ""}.`,
    "",
    `Cold start: ${COLD_RUNS} samples per kind, bare and torchlit alternating, each a fresh Node`,
    "process (one discarded pair first, for disk caches), timed inside the process from the",
    'first dynamic import to the result. Torchlit: `import("torchlit/runtime")`, reading',
    `engine/python, \`createRuntime\`, then \`${FIRST_CELL}\` printed. Bare: \`import("pyodide")\`,`,
    '`loadPyodide` from the same package, then `runPython("1 + 1")`. Warm: one runtime, each',
    `cell run ${WARM_RUNS} times in a fresh namespace, timed around \`runtime.run\`. Per op: small`,
    `float32 tensors of shape (4,), ${OPS} iterations after 200 warm-up ones, timed by`,
    "`time.perf_counter` in Python and `performance.now` in TS; median of",
    `${OP_REPEATS} repeats. The Python loop row is \`c = a + b\` on floats: the interpreter's own`,
    "cost per iteration, included in the Python rows.",
    "",
    "| Measure | Median | Samples |",
    "| --- | --- | --- |",
    `| Bare Pyodide: import to \`loadPyodide()\` + one line | ${fmtMs(median(bare))} ms | ${samples(bare)} |`,
    `| Torchlit cold start: import to \`${FIRST_CELL}\` printed | ${fmtMs(median(torchlit))} ms | ${samples(torchlit)} |`,
    `| Warm one-line cell \`1 + 1\` | ${fmtMs(warmMed)} ms | ${samples(warm1)} |`,
    `| Warm \`${FIRST_CELL}\` | ${fmtMs(median(warmTorch))} ms | ${samples(warmTorch)} |`,
    "",
    "| Per op (µs) | Python (torch) | TS (engine) | ratio Python / TS |",
    "| --- | --- | --- | --- |",
    `| \`z = x + y\` | ${fmtUs(pyAdd)} | ${fmtUs(tsAdd)} | ${(pyAdd / tsAdd).toFixed(1)} |`,
    `| \`x.sum().item()\` | ${fmtUs(pySum)} | ${fmtUs(tsSum)} | ${(pySum / tsSum).toFixed(1)} |`,
    `| Python loop alone (\`c = a + b\`, floats) | ${fmtUs(pyLoop)} | | |`,
    "",
    "Bars (issue 4):",
    "",
    `- Cold start within 25% of bare Pyodide: ratio ${ratio.toFixed(2)} — **${ratio <= COLD_BAR ? "met" : "not met"}**.`,
    `- Warm one-line cell under ${WARM_BAR_MS} ms: ${fmtMs(warmMed)} ms — **${warmMed < WARM_BAR_MS ? "met" : "not met"}**.`,
    "",
  ].join("\n");
  const old = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  writeFileSync(OUT, replaceSection(old, RUNTIME_HEADING, md));
  console.log(`\n${md}\nwrote the Python runtime section of engine/BENCHMARKS.md`);
}

const child = process.argv.indexOf("--child");
if (child >= 0) {
  const kind = process.argv[child + 1];
  const ms = kind === "bare" ? await coldBare() : await coldTorchlit();
  console.log(`BENCH ${ms}`);
} else {
  await main();
}
process.exit(0);
