// The WebGPU section of BENCHMARKS.md: runs the GPU cases on torchlit's WebGPU backend and on
// tfjs-backend-webgpu in this process, and returns the section's Markdown (adapter, machine,
// commit, one row per case with its rate and the ratio to tfjs). Prints each row as it goes.
import os from "node:os";
import {
  GPU_MATMUL,
  type GpuResult,
  gpuCases,
  initGpuSuites,
  measureInterleaved,
} from "./webgpu.bench.ts";

export const GPU_HEADING = "## WebGPU";

/** Software adapters run matmul 2048 at minutes per run: it is left to a real GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|warp/i;

const fmt = (x: number): string =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);

export async function webgpuSection(commit: string): Promise<{ md: string; met: boolean }> {
  const init = await initGpuSuites();
  if ("error" in init) {
    const md = `${GPU_HEADING}\n\nNot run: no WebGPU adapter (${init.error}).\n`;
    console.log(md);
    return { md, met: true };
  }
  const software = SOFTWARE.test(init.adapter);
  const sizes = software ? GPU_MATMUL.filter((n) => n <= 1024) : GPU_MATMUL;
  const rows: string[][] = [];
  let met = true;
  for (const c of gpuCases({ matmul: sizes })) {
    const [own, tfjs] = (await measureInterleaved([await c.torchlit(), await c.tfjs()])) as [
      GpuResult,
      GpuResult,
    ];
    const ratio = tfjs.medianMs / own.medianMs;
    const verdict = !c.barred
      ? "(no bar)"
      : ratio >= 1
        ? `ok: ${ratio.toFixed(2)}x tfjs`
        : `NOT MET: ${ratio.toFixed(2)}x tfjs`;
    if (verdict.startsWith("NOT MET")) met = false;
    const row = [
      c.name,
      fmt(own.medianMs),
      fmt(tfjs.medianMs),
      `${fmt(c.rate(own.medianMs))} / ${fmt(c.rate(tfjs.medianMs))} ${c.metric}`,
      ratio.toFixed(2),
      verdict,
    ];
    rows.push(row);
    console.log(row.join(" | "));
  }
  if (software)
    rows.push([
      `matmul ${GPU_MATMUL.filter((n) => n > 1024).join(", ")}`,
      "not run",
      "not run",
      "",
      "",
      "left to a hardware adapter (minutes per run on a software one)",
    ]);
  const header = [
    "case",
    "torchlit-webgpu ms",
    "tfjs-webgpu ms",
    "rate (torchlit / tfjs)",
    "speed ratio (tfjs ms / torchlit ms)",
    "verdict",
  ];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
  const cpus = os.cpus();
  const md = [
    GPU_HEADING,
    "",
    "Written by `npm run bench -w engine` (or `node scripts/vulkan-env.mjs node bench/run.ts",
    "--webgpu-only`, which rewrites only this section); do not edit by hand.",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Adapter: ${init.adapter}${software ? " (a software rasteriser on the CPU, not a GPU)" : ""}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} logical cores, ${os.platform()} ${os.arch()}, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end of the run`,
    `- Commit: ${commit}`,
    "- tfjs-webgpu: @tensorflow/tfjs-backend-webgpu 4.22.0 on the same adapter (Dawn, the `webgpu`",
    "  package), WEBGPU_CPU_FORWARD=false so small ops also run on the GPU",
    "",
    "Each step is timed to completion (submitted, then onSubmittedWorkDone awaited; no readback):",
    "median of at least 3 runs after 2 warm-ups, torchlit and tfjs runs alternating (so a busy",
    "machine slows both alike; compare within a row). Rates: matmul GFLOP/s (2n^3 per run); add",
    "GB/s of 3 float32 streams; sum GB/s of 1; tiny adds: microseconds per op over a chain of",
    "1000 dependent adds of 4 elements (host overhead per dispatch). Bar (from the issue): ratio",
    `to tfjs >= 1 for matmul and reductions. Overall: ${met ? "bar met on every barred row" : "**bar NOT met on some rows** (see verdicts)"}.`,
    "",
    ...table,
    "",
  ].join("\n");
  return { md, met };
}
