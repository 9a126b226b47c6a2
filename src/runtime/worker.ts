// The Python worker: loads Pyodide, the engine and the torch package once, then runs cells in
// named namespaces, streaming output to the page as it is written. Learner code runs only here,
// never on the page's main thread; the page stops a runaway cell by terminating this worker.
// Protocol: protocol.ts. This file must not touch the DOM (there is none in a worker).

import pythonSources from "virtual:torchlit-python-sources";
import { pyodideSizes } from "virtual:torchlit-runtime-assets";
import { budgets, initWebGPU, limits } from "torchlit";
import { createRuntime, exitStatus, PYTHON_ROOT, type Runtime } from "torchlit/runtime";
import cellRunner from "./cell_runner.py?raw";
import { meteredFetch } from "./download-meter.ts";
import { fromEngineReason, type GpuUnavailable, gpuUnavailable } from "./gpu-problem.ts";
import type { Device, GpuInfo, LoadProgress, RunResult } from "./host-types.ts";
import { allocationHint } from "./messages.ts";
import { CELL_OUTPUT_BOUNDS, OutputLimiter, type Stream } from "./output-limit.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const post = (message: FromWorker): void => postMessage(message);
const progress = (p: LoadProgress): void => post({ type: "progress", progress: p });

/** At most one output message per this many milliseconds while a run prints. */
const OUTPUT_BATCH_MS = 50;

/** The run whose output is being written; output outside a run (imports) goes nowhere. */
let current: {
  id: number;
  limiter: OutputLimiter;
  posted: number;
  timer?: number | undefined;
} | null = null;

/** Posts what the run printed since the last post (the tail whole, when it moved). */
function flushOutput(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.timer = undefined;
  const update = current.limiter.take();
  current.posted = performance.now();
  if (update) post({ type: "output", id: current.id, update });
}

function sink(stream: Stream): (bytes: Uint8Array) => void {
  // One decoder per stream, in streaming mode, so a UTF-8 character split across writes survives.
  const decoder = new TextDecoder();
  return (bytes) => {
    const text = decoder.decode(bytes, { stream: true });
    if (!current || text === "") return;
    current.limiter.write(stream, text);
    // Batched: a loop that prints without end posts 20 messages a second, not millions. The
    // timer fires when Python pauses (a GPU read, the run's end); the next write checks anyway.
    if (performance.now() - current.posted >= OUTPUT_BATCH_MS) flushOutput();
    else current.timer ??= setTimeout(flushOutput, OUTPUT_BATCH_MS) as unknown as number;
  };
}

interface Loaded {
  runtime: Runtime;
  runCell: (code: string, filename: string, namespace: string, device: Device) => Promise<unknown>;
  reset: (namespace: string) => void;
}

let loaded: Promise<Loaded> | undefined;

async function load(msg: Extract<ToWorker, { type: "load" }>): Promise<Loaded> {
  limits.maxAllocationBytes = msg.maxAllocationBytes;
  budgets.cpuBytes = msg.cpuBudgetBytes;
  budgets.gpuBytes = msg.gpuBudgetBytes;
  budgets.scope = "this page";
  progress({ phase: "downloading", fraction: 0, detail: "Python (Pyodide)" });
  // Pyodide fetches its files itself: a metered fetch meanwhile tells the page how far it got.
  const realFetch = globalThis.fetch;
  globalThis.fetch = meteredFetch(
    realFetch.bind(globalThis),
    msg.indexURL,
    pyodideSizes,
    ({ received, total }) =>
      progress(
        received < total
          ? { phase: "downloading", fraction: received / total, detail: "Python (Pyodide)" }
          : { phase: "booting", fraction: null, detail: "Python" },
      ),
  );
  let runtime: Runtime;
  try {
    runtime = await createRuntime({
      indexURL: msg.indexURL,
      sources: pythonSources,
      stdout: sink("stdout"),
      stderr: sink("stderr"),
    });
  } finally {
    globalThis.fetch = realFetch;
  }
  const { pyodide } = runtime;
  // Pyodide's own hook for the moment it dies (a stack overflow, os._exit): the only place a
  // fatal error surfaces, since the run's promise then never settles (API.on_fatal, private).
  const api = (pyodide as unknown as { _api?: { on_fatal?: (e: unknown) => void } })._api;
  if (api) api.on_fatal = onFatal;
  if (msg.interruptBuffer) pyodide.setInterruptBuffer(msg.interruptBuffer);
  progress({ phase: "starting", fraction: 0.7, detail: "torch" });
  // cell_runner.py's time.sleep tells the page first, so a stop during a sleep is named as one.
  pyodide.registerJsModule("_torchlit_page", {
    sleeping: (seconds: number) => {
      if (current) post({ type: "sleeping", id: current.id, seconds });
    },
  });
  pyodide.FS.writeFile(`${PYTHON_ROOT}/_torchlit_cells.py`, cellRunner);
  // Importing torch now keeps the reader's first run as fast as every later one.
  pyodide.runPython("import torch");
  const ns = pyodide.toPy({});
  pyodide.runPython("from _torchlit_cells import run_cell, reset", { globals: ns });
  const runCellPy = ns.get("run_cell");
  const resetPy = ns.get("reset");
  progress({ phase: "ready", fraction: 1 });
  return {
    runtime,
    runCell: async (code, filename, namespace, device) => {
      // The returned PyProxy tuple is read and destroyed here so it does not leak per run.
      const proxy = await runCellPy.callPromising(code, filename, namespace, device);
      const out = proxy.toJs();
      proxy.destroy();
      return out;
    },
    reset: (namespace) => resetPy(namespace),
  };
}

/** WebGPU in this worker, initialised once on the page's first question or first GPU run. */
let gpu: Promise<Omit<GpuInfo, "dispatches">> | undefined;
/** The engine's live status (it turns unavailable if the device is lost) and kernel counter. */
let gpuLive: {
  status: { available: boolean; reason: string | null };
  runner: { dispatches: number };
} | null = null;

const unavailable = (why: GpuUnavailable): Omit<GpuInfo, "dispatches"> => ({
  available: false,
  adapter: null,
  ...why,
});

async function initGpu(): Promise<Omit<GpuInfo, "dispatches">> {
  if (!("gpu" in navigator) || !(navigator as { gpu?: unknown }).gpu) {
    return unavailable(gpuUnavailable("no-webgpu"));
  }
  // Python reads GPU tensors synchronously by suspending WebAssembly (JSPI); without it a print
  // of a GPU tensor could never wait for the GPU.
  if (!("Suspending" in WebAssembly) && !("Suspender" in WebAssembly)) {
    return unavailable(gpuUnavailable("no-jspi"));
  }
  try {
    const status = await initWebGPU();
    if (!status.available || !status.backend) return unavailable(fromEngineReason(status.reason));
    gpuLive = { status, runner: status.backend.runner };
    return {
      available: true,
      adapter: status.backend.name,
      reason: null,
      problem: null,
      detail: null,
    };
  } catch (err) {
    return unavailable(gpuUnavailable("failed", err instanceof Error ? err.message : String(err)));
  }
}

async function gpuInfo(): Promise<GpuInfo> {
  gpu ??= initGpu();
  const found = await gpu;
  if (!gpuLive) return { ...found, dispatches: 0 };
  const { status, runner } = gpuLive;
  return status.available
    ? { ...found, dispatches: runner.dispatches }
    : { ...unavailable(fromEngineReason(status.reason)), dispatches: runner.dispatches };
}

function toResult(raw: unknown): RunResult {
  const [status, a, b, c] = raw as [string, string | null, string, string];
  if (status === "ok") return { ok: true, value: a ?? null };
  const type = a ?? "Exception";
  const hint = allocationHint(type, b, limits.maxAllocationBytes);
  return { ok: false, kind: "error", type, message: b, traceback: c, ...(hint ? { hint } : {}) };
}

/**
 * Holds the page's life lock until this worker ends, however it ends (terminated, closed by
 * js.close(), crashed), so the page hears of it at once instead of at the time limit.
 */
function holdLifeLock(name: string): void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return;
  void locks.request(name, () => {
    post({ type: "alive" });
    return new Promise<never>(() => {});
  });
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case "load":
      if (msg.lifeLock && !loaded) holdLifeLock(msg.lifeLock);
      loaded ??= load(msg);
      loaded.catch((err: unknown) =>
        progress({ phase: "failed", fraction: null, detail: String(err) }),
      );
      return;
    case "run": {
      const ready = await loaded;
      if (!ready) throw new Error("run before load");
      // A GPU run makes "cuda" the default device (torch._set_default_device, in
      // cell_runner.py) once WebGPU is known to be there; where it is not, the run goes ahead on
      // the CPU and torch.cuda says why, as on a machine without CUDA.
      const device: Device = msg.device === "cuda" && (await gpuInfo()).available ? "cuda" : "cpu";
      current = {
        id: msg.id,
        limiter: new OutputLimiter(msg.outputBounds ?? CELL_OUTPUT_BOUNDS),
        posted: 0,
      };
      try {
        const raw = await ready.runCell(msg.code, msg.filename, msg.namespace, device);
        flushOutput();
        post({ type: "result", id: msg.id, result: toResult(raw) });
      } catch (err) {
        // Only the runtime itself failing lands here; the reader's errors come back as values.
        const message = err instanceof Error ? err.message : String(err);
        flushOutput();
        post({
          type: "result",
          id: msg.id,
          result: { ok: false, kind: "error", type: "RuntimeError", message, traceback: message },
        });
      } finally {
        clearTimeout(current?.timer);
        current = null;
      }
      return;
    }
    case "reset": {
      (await loaded)?.reset(msg.namespace);
      post({ type: "reset-done", id: msg.id });
      return;
    }
    case "gpu":
      post({ type: "gpu-info", id: msg.id, info: await gpuInfo() });
      return;
    default: {
      const never: never = msg;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Python can end under the run: os._exit() (Emscripten's exit) throws "Program terminated with
 * exit(n)" out of Pyodide, and a stack overflow (deep recursion after sys.setrecursionlimit) is
 * a Pyodide fatal error. Either way Pyodide is dead and the run's promise never settles: say
 * what happened and close, so the page restarts at once rather than at the time limit.
 */
function onFatal(reason: unknown): void {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const exitCode = exitStatus(reason);
  const fatal = (reason as { pyodide_fatal_error?: unknown } | null)?.pyodide_fatal_error === true;
  if (exitCode === null && !fatal && !/Pyodide (already )?fatally failed/i.test(text)) return;
  post({ type: "died", exitCode, crash: exitCode === null ? text : null });
  close();
}
addEventListener("unhandledrejection", (event) => onFatal(event.reason));
addEventListener("error", (event) => onFatal(event.error ?? event.message));

addEventListener("message", (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
});
