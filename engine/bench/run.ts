// `npm run bench -w engine`: runs every case on torchlit, tfjs's CPU backend and tfjs's Wasm
// backend in one process, then the WebGPU cases on torchlit's WebGPU backend and
// tfjs-backend-webgpu, prints side-by-side tables with a verdict per row, and writes
// engine/BENCHMARKS.md itself (machine, Node, commit), so no row is ever edited by hand.
// `--webgpu-only` skips the CPU suites and rewrites only the WebGPU section (for a GPU machine).
// The `## Python runtime` section belongs to runtime.bench.ts: both modes keep it as it is.
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { CASE, FLOPS } from "./cases.ts";
import { engineSuite } from "./engine.bench.ts";
import { measure, type Result, type Suite } from "./harness.ts";
import { getSection, RUNTIME_HEADING, replaceSection } from "./sections.ts";
import { tfjsCpuSuite, tfjsWasmSuite } from "./tfjs.bench.ts";
import { GPU_HEADING, webgpuSection } from "./webgpu-report.ts";

const OUT = new URL("../BENCHMARKS.md", import.meta.url);
const HARDWARE_OUT = new URL("../BENCHMARKS-gpu.md", import.meta.url);

/** The issue's bar for matmul 1024: no slower than 8x tfjs-wasm. */
const WASM_BAR = 8;

function git(cmd: string): string {
  try {
    return execSync(`git ${cmd}`, { cwd: new URL("..", import.meta.url), encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

const fmtMs = (r: Result | undefined): string =>
  r === undefined ? "n/a" : r.medianMs < 10 ? r.medianMs.toFixed(2) : r.medianMs.toFixed(1);
const fmtGflops = (r: Result | undefined, flops: number | undefined): string =>
  r === undefined || flops === undefined ? "" : (flops / r.medianMs / 1e6).toFixed(2);
const fmtMiB = (r: Result | undefined): string => (r === undefined ? "n/a" : r.peakMiB.toFixed(1));

function verdict(name: string, own: Result, cpu: Result | undefined, wasm?: Result): string {
  const parts: string[] = [];
  if (cpu !== undefined) {
    const ratio = own.medianMs / cpu.medianMs;
    parts.push(
      ratio <= 1
        ? `ok: ${(1 / ratio).toFixed(1)}x faster than tfjs-cpu`
        : `NOT MET: ${ratio.toFixed(2)}x slower than tfjs-cpu`,
    );
  }
  if (name === CASE.matmul(1024) && wasm !== undefined) {
    const ratio = own.medianMs / wasm.medianMs;
    parts.push(
      ratio <= WASM_BAR
        ? `ok: ${ratio.toFixed(1)}x tfjs-wasm (bar ${WASM_BAR}x)`
        : `NOT MET: ${ratio.toFixed(1)}x tfjs-wasm (bar ${WASM_BAR}x)`,
    );
  }
  return parts.join("; ");
}

async function main(): Promise<void> {
  const suites: Suite[] = [engineSuite(), tfjsCpuSuite(), await tfjsWasmSuite()];
  const [own, cpu, wasm] = suites as [Suite, Suite, Suite];
  const rows: string[][] = [];
  let met = true;
  for (const name of own.cases.keys()) {
    const results = suites.map((s) => {
      const setup = s.cases.get(name);
      return setup === undefined ? undefined : measure(setup);
    });
    const [r0, r1, r2] = results;
    const flops = FLOPS.get(name);
    const v = verdict(name, r0 as Result, r1, r2);
    if (v.includes("NOT MET")) met = false;
    const row = [
      name,
      ...results.map(fmtMs),
      flops === undefined ? "" : results.map((r) => fmtGflops(r, flops)).join(" / "),
      results.map(fmtMiB).join(" / "),
      v,
    ];
    rows.push(row);
    console.log(row.join(" | "));
  }

  const header = [
    "case",
    `${own.name} ms`,
    `${cpu.name} ms`,
    `${wasm.name} ms`,
    "GFLOP/s (torchlit / cpu / wasm)",
    "peak MiB (torchlit / cpu / wasm)",
    "verdict",
  ];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
  const cpus = os.cpus();
  const commit = git("rev-parse --short HEAD");
  const dirty =
    git("status --porcelain -- .") !== "" ? " (with uncommitted changes in engine/)" : "";
  const md = [
    "# CPU benchmarks",
    "",
    "Written by `npm run bench -w engine` (engine/bench/run.ts); do not edit by hand.",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.arch()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end of the run`,
    `- Node ${process.version} (V8 ${process.versions.v8})`,
    `- Commit: ${commit}${dirty}`,
    ...suites.map((s) => `- ${s.name}: ${s.detail}`),
    `- Process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    "",
    "Times are the median of single runs (at least 7, up to 1.5 s of samples) after a 300 ms",
    "warm-up, in one Node process, cases interleaved across libraries. Peak memory is the",
    "highest V8 heap-used + external (typed arrays, Wasm memories) seen after any run of the",
    "case, minus a baseline taken after a forced GC before its inputs were created; a Wasm",
    "memory that grew earlier is not re-counted. All data is float32. torchlit and tfjs-cpu",
    "allocate a fresh output per op and leave it to the GC, so their peaks include garbage not",
    "yet collected; tfjs-wasm reuses its own heap (tensors freed by tf.tidy). torchlit's matmul",
    "keeps its Wasm scratch memory (packed A, B and C: 12 MiB after 1024x1024) for reuse, and",
    "its float32 sum keeps the Wasm memory it copies long inputs into, 4 MiB at a time.",
    "The machine is shared: compare columns within one run, not across runs.",
    "",
    "Bars (from the issue): torchlit no slower than tfjs-cpu on every row; matmul 1024 within",
    `${WASM_BAR}x of tfjs-wasm. Overall: ${met ? "all bars met" : "**some bars NOT met** (see rows)"}.`,
    "",
    ...table,
    "",
  ].join("\n");
  const gpu = await webgpuSection(`${commit}${dirty}`);
  const runtime = getSection(existsSync(OUT) ? readFileSync(OUT, "utf8") : "", RUNTIME_HEADING);
  writeFileSync(OUT, `${md}\n${gpu.md}${runtime === "" ? "" : `\n${runtime}`}`);
  console.log(`\nwrote engine/BENCHMARKS.md — ${met ? "all bars met" : "some bars NOT met"}`);
}

/** Reruns only the WebGPU cases and replaces that section, keeping the CPU rows as they are. */
async function webgpuOnly(): Promise<void> {
  const commit = git("rev-parse --short HEAD");
  const dirty =
    git("status --porcelain -- .") !== "" ? " (with uncommitted changes in engine/)" : "";
  const gpu = await webgpuSection(`${commit}${dirty}`);
  const old = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  writeFileSync(OUT, replaceSection(old, GPU_HEADING, gpu.md));
  console.log(
    `\nwrote the WebGPU section of engine/BENCHMARKS.md — ${gpu.met ? "bar met" : "bar NOT met"}`,
  );
}

/**
 * The WebGPU rows of a machine with a real GPU, in their own file (BENCHMARKS-gpu.md) so the
 * software-adapter rows above stay as CI's machine wrote them. The commit may come from
 * TORCHLIT_COMMIT when the run happens outside a git checkout (a packed copy on a GPU host).
 */
async function hardwareReport(): Promise<void> {
  const commit = process.env.TORCHLIT_COMMIT ?? git("rev-parse --short HEAD");
  const gpu = await webgpuSection(commit || "unknown");
  const md = gpu.md.replace(GPU_HEADING, "# WebGPU on a hardware GPU");
  writeFileSync(HARDWARE_OUT, `${md.trimEnd()}\n`);
  console.log(`\nwrote engine/BENCHMARKS-gpu.md — ${gpu.met ? "bar met" : "bar NOT met"}`);
}

if (process.argv.includes("--hardware-report")) await hardwareReport();
else if (process.argv.includes("--webgpu-only")) await webgpuOnly();
else await main();
// Dawn keeps the process alive while its device lives.
process.exit(0);
