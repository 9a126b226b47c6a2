// Prints chosen WebGPU rows (torchlit and tfjs-webgpu alternating, as in BENCHMARKS.md) without
// writing any file: for iterating on kernels. Start it through scripts/vulkan-env.mjs:
//   node scripts/vulkan-env.mjs node bench/webgpu-probe.ts [part of a case name]...
// No names: every case but matmul 1024 and up. BUDGET=ms sets the sampling time per case.
import { type GpuResult, gpuCases, initGpuSuites, measureInterleaved } from "./webgpu.bench.ts";

const budget = Number(process.env.BUDGET ?? 1500);
const filters = process.argv.slice(2);
const init = await initGpuSuites();
if ("error" in init) throw new Error(init.error);
console.log(`adapter: ${init.adapter}`);
for (const c of gpuCases({ matmul: [256, 512] })) {
  if (filters.length > 0 && !filters.some((f) => c.name.includes(f))) continue;
  const [own, tfjs] = (await measureInterleaved([await c.torchlit(), await c.tfjs()], budget)) as [
    GpuResult,
    GpuResult,
  ];
  const ratio = (tfjs.medianMs / own.medianMs).toFixed(2);
  console.log(
    `${c.name}: torchlit ${own.medianMs.toFixed(2)} ms, tfjs ${tfjs.medianMs.toFixed(2)} ms, ratio ${ratio} (${own.samples} samples)`,
  );
}
// Dawn keeps the process alive while its device lives.
process.exit(0);
