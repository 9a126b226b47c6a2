// The device-timing figure's module worker: it brings up the engine (and WebGPU, when the page
// has it) off the page's main thread, measures each size the page asked for (measure.ts) and
// posts every row as soon as it is checked. The page stops it by terminating it. No DOM here.
import { initWebGPU } from "torchlit";
import { fromEngineReason, gpuUnavailable } from "../../../runtime/gpu-problem.ts";
import { type GpuQueue, inputs, timeCpu, timeGpu } from "./measure.ts";
import { checkProduct, type Row, validSizes } from "./model.ts";
import type { FromTimingWorker, RunRequest } from "./protocol.ts";

const post = (m: FromTimingWorker): void => postMessage(m);

async function startGpu(pageHasGpu: boolean): Promise<GpuQueue | null> {
  const none = (u: ReturnType<typeof gpuUnavailable>): null => {
    post({ type: "gpu", available: false, adapter: null, problem: u.problem, detail: u.detail });
    return null;
  };
  if (!pageHasGpu || !(navigator as { gpu?: unknown }).gpu)
    return none(gpuUnavailable("no-webgpu"));
  try {
    const status = await initWebGPU();
    if (!status.available || !status.backend) return none(fromEngineReason(status.reason));
    post({
      type: "gpu",
      available: true,
      adapter: status.backend.name,
      problem: null,
      detail: null,
    });
    return status.backend.runner;
  } catch (err) {
    return none(gpuUnavailable("failed", err instanceof Error ? err.message : String(err)));
  }
}

async function run(req: RunRequest): Promise<void> {
  const queue = await startGpu(req.pageHasGpu);
  const runs = Math.max(1, Math.min(15, Math.floor(req.runs)));
  for (const n of validSizes(req.sizes)) {
    const [a, b] = inputs(n);
    const cpu = await timeCpu(a, b, runs, (device, phase, r) =>
      post({ type: "progress", n, device, phase, ...(r ? { run: r } : {}) }),
    );
    const row: Row = { n, cpu: cpu.times };
    if (queue) {
      const gpu = await timeGpu(a, b, runs, queue, (device, phase, r) =>
        post({ type: "progress", n, device, phase, ...(r ? { run: r } : {}) }),
      );
      post({ type: "progress", n, device: "gpu", phase: "check" });
      row.gpu = gpu.times;
      row.check = checkProduct(n, cpu.values, gpu.values);
    }
    a.dispose();
    b.dispose();
    post({ type: "row", row });
  }
  post({ type: "done" });
}

addEventListener("message", (event: MessageEvent<RunRequest>) => {
  if (event.data?.type !== "run") return;
  run(event.data).catch((err: unknown) =>
    post({ type: "error", message: err instanceof Error ? err.message : String(err) }),
  );
});
