// The page side of the Python runtime: one worker per page behind the RuntimeHost contract
// (host-types.ts). It queues runs (one at a time, in order), relays streamed output, and stops a
// runaway run by terminating the worker and starting a fresh one. Nothing heavy runs here: it
// only posts messages, so the page stays responsive while Python works.
import { pyodidePath } from "virtual:torchlit-runtime-assets";
import type {
  Device,
  GpuInfo,
  LoadProgress,
  RunDoing,
  RunOptions,
  RunResult,
  RuntimeHost,
} from "./host-types.ts";
import {
  death,
  diedMessage,
  restartedMessage,
  stoppedText,
  stopTextsEn,
  timeoutText,
} from "./messages.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

export interface HostConfig {
  /** Largest single tensor allocation, in bytes (default 1 GiB: browsers fail well before 4). */
  maxAllocationBytes?: number;
  /**
   * Bytes of CPU tensors (of 1 MiB or more each) the page may hold at once (default 2 GiB: the
   * largest tensor allowed and one result of its size; docs/DECISIONS.md, "Memory budgets").
   */
  cpuBudgetBytes?: number;
  /** Bytes the GPU may hold for the page's tensors, live and pooled (default 2 GiB). */
  gpuBudgetBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long an interrupted run may take to unwind before the worker is terminated anyway. */
const INTERRUPT_GRACE_MS = 1_000;

/** A run still printing this recently (ms) was at work, not in a silent endless loop. */
const RECENT_OUTPUT_MS = 3_000;

interface Pending {
  opts: RunOptions;
  resolve: (r: RunResult) => void;
  /** When the run started, last printed, and until when it is inside time.sleep() (page clock). */
  startedAt: number;
  printedAt: number | null;
  sleep: { until: number; seconds: number } | null;
}

const stoppedQueued: RunResult = {
  ok: false,
  kind: "stopped",
  message: stoppedText(stopTextsEn, true, true),
  kept: true,
  queued: true,
};

class WorkerHost implements RuntimeHost {
  #config: Required<HostConfig>;
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;
  #progress: LoadProgress = { phase: "idle", fraction: null };
  #listeners = new Set<(p: LoadProgress) => void>();
  #pending = new Map<number, Pending>();
  #resets = new Map<number, () => void>();
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  #interrupt: Int32Array | undefined;
  #device: Device = "cpu";
  #gpuRequests = new Map<number, (info: GpuInfo) => void>();
  #runEndListeners = new Set<() => void>();

  constructor(config: HostConfig) {
    this.#config = {
      maxAllocationBytes: config.maxAllocationBytes ?? 2 ** 30,
      cpuBudgetBytes: config.cpuBudgetBytes ?? 2 * 2 ** 30,
      gpuBudgetBytes: config.gpuBudgetBytes ?? 2 * 2 ** 30,
    };
  }

  get progress(): LoadProgress {
    return this.#progress;
  }

  onRunEnd(listener: () => void): () => void {
    this.#runEndListeners.add(listener);
    return () => this.#runEndListeners.delete(listener);
  }

  onProgress(listener: (p: LoadProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #setProgress(p: LoadProgress): void {
    // Marks for scripts/bench-runtime.mjs: when Pyodide is up ("starting") and torch is ("ready").
    if (p.phase !== this.#progress.phase && (p.phase === "starting" || p.phase === "ready"))
      performance.mark(`torchlit:${p.phase}`);
    this.#progress = p;
    for (const l of this.#listeners) l(p);
  }

  load(): Promise<void> {
    if (this.#ready) return this.#ready;
    this.#setProgress({ phase: "downloading", fraction: 0, detail: "worker" });
    // A mark for scripts/bench-runtime.mjs: cold start is measured from here.
    performance.mark("torchlit:worker-start");
    const worker = new Worker(new URL("./worker.ts", import.meta.url), {
      type: "module",
      name: "torchlit-python",
    });
    this.#worker = worker;
    // Pyodide's interrupt buffer must be a SharedArrayBuffer, which needs cross-origin isolation;
    // elsewhere a runaway run is stopped by terminating the worker.
    this.#interrupt = globalThis.crossOriginIsolated
      ? new Int32Array(new SharedArrayBuffer(4))
      : undefined;
    const lifeLock = this.#locks ? `torchlit-python-${crypto.randomUUID()}` : undefined;
    this.#ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
        const msg = event.data;
        if (msg.type === "alive") {
          if (lifeLock) this.#watch(worker, lifeLock);
        } else if (msg.type === "died") {
          this.#died(worker, msg.exitCode, msg.crash);
        } else if (msg.type === "progress") {
          this.#setProgress(msg.progress);
          if (msg.progress.phase === "ready") resolve();
          if (msg.progress.phase === "failed") reject(new Error(msg.progress.detail));
        } else this.#onMessage(msg);
      });
      worker.addEventListener("error", (event) => {
        // Once Python is up, an uncaught error in the worker means it is gone: os._exit()
        // throws Emscripten's "Program terminated with exit(n)" out of the worker.
        if (this.#progress.phase === "ready") {
          event.preventDefault();
          const exit = /exit\((-?\d+)\)/.exec(event.message ?? "");
          this.#died(worker, exit ? Number(exit[1]) : null, exit ? null : (event.message ?? ""));
          return;
        }
        const detail = event.message || "the Python worker failed to start";
        this.#setProgress({ phase: "failed", fraction: null, detail });
        reject(new Error(detail));
      });
    });
    // Callers that only preload must not see an unhandled rejection; run() reports it.
    this.#ready.catch(() => {});
    const indexURL = new URL(`${import.meta.env.BASE_URL}${pyodidePath}`, location.href).href;
    this.#post({
      type: "load",
      indexURL,
      maxAllocationBytes: this.#config.maxAllocationBytes,
      cpuBudgetBytes: this.#config.cpuBudgetBytes,
      gpuBudgetBytes: this.#config.gpuBudgetBytes,
      ...(this.#interrupt ? { interruptBuffer: this.#interrupt } : {}),
      ...(lifeLock ? { lifeLock } : {}),
    });
    return this.#ready;
  }

  get #locks(): LockManager | undefined {
    return (navigator as Navigator & { locks?: LockManager }).locks;
  }

  /** Asks for the lock the worker holds: granted when the worker ends, whatever ended it. */
  #watch(worker: Worker, lifeLock: string): void {
    void this.#locks?.request(lifeLock, () => {
      // A worker the host terminated itself is no longer this.#worker: nothing to report.
      this.#died(worker, null, null);
    });
  }

  /** The worker ended without being asked to: settle what ran there and start afresh. */
  #died(worker: Worker, exitCode: number | null, crash: string | null): void {
    if (this.#worker !== worker) return;
    this.#restart("died", { exitCode, crash });
  }

  #post(msg: ToWorker): void {
    this.#worker?.postMessage(msg);
  }

  #onMessage(msg: Exclude<FromWorker, { type: "progress" | "alive" | "died" }>): void {
    if (msg.type === "gpu-info") {
      this.#gpuRequests.get(msg.id)?.(msg.info);
      this.#gpuRequests.delete(msg.id);
      return;
    }
    if (msg.type === "reset-done") {
      this.#resets.get(msg.id)?.();
      this.#resets.delete(msg.id);
      return;
    }
    const pending = this.#pending.get(msg.id);
    if (!pending) return;
    if (msg.type === "result") {
      this.#pending.delete(msg.id);
      pending.resolve(msg.result);
      for (const l of this.#runEndListeners) l();
    } else if (msg.type === "sleeping") {
      pending.sleep = { until: performance.now() + msg.seconds * 1000, seconds: msg.seconds };
    } else {
      pending.printedAt = performance.now();
      pending.opts.onOutput?.(msg.update);
    }
  }

  /** Runs one task after the ones queued before it, whatever their outcome. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => {});
    return next;
  }

  run(code: string, opts: RunOptions): Promise<RunResult> {
    const { signal } = opts;
    if (!signal) return this.#enqueue(() => this.#runNow(code, opts));
    // A run the reader stops while it waits in the queue is dropped at once; the queue skips it.
    let started = false;
    const ran = this.#enqueue(() => {
      if (signal.aborted) return Promise.resolve(stoppedQueued);
      started = true;
      return this.#runNow(code, opts);
    });
    const dropped = new Promise<RunResult>((resolve) => {
      const onAbort = () => {
        if (!started) resolve(stoppedQueued);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    });
    return Promise.race([ran, dropped]);
  }

  async #runNow(code: string, opts: RunOptions): Promise<RunResult> {
    const { signal } = opts;
    const aborted = new Promise<"aborted">((resolve) => {
      if (signal?.aborted) resolve("aborted");
      signal?.addEventListener("abort", () => resolve("aborted"), { once: true });
    });
    try {
      // Stop while Python loads drops this run; the load goes on for the next one.
      if ((await Promise.race([this.load(), aborted])) === "aborted") return stoppedQueued;
    } catch (err) {
      const message = `Python could not start: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, kind: "error", type: "RuntimeError", message, traceback: message };
    }
    const id = this.#nextId++;
    opts.onStart?.();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const startedAt = performance.now();
    const result = new Promise<RunResult>((resolve) =>
      this.#pending.set(id, { opts, resolve, startedAt, printedAt: null, sleep: null }),
    );
    if (this.#interrupt) this.#interrupt[0] = 0;
    this.#post({
      type: "run",
      id,
      code,
      namespace: opts.namespace,
      filename: opts.filename ?? "<cell>",
      device: opts.device ?? this.#device,
      ...(opts.outputBounds ? { outputBounds: opts.outputBounds } : {}),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const first = await Promise.race([result, timedOut, aborted]);
    clearTimeout(timer);
    if (first !== "timeout" && first !== "aborted") return first;
    const doing = this.#doing(id);
    const kept = await this.#interruptRun(result);
    if (!kept) this.#restart(first === "timeout" ? "timeout" : "restarted");
    if (first === "aborted")
      return {
        ok: false,
        kind: "stopped",
        message: stoppedText(stopTextsEn, kept),
        kept,
        queued: false,
      };
    const message = timeoutText(stopTextsEn, timeoutMs, doing, kept);
    return { ok: false, kind: "timeout", message, doing, kept };
  }

  /** What run `id` is doing now, from the messages it sent: sleeping, printing, or silent. */
  #doing(id: number): RunDoing {
    const p = this.#pending.get(id);
    const now = performance.now();
    if (!p) return { what: "silent", quietMs: 0 };
    if (p.sleep && p.sleep.until > now) return { what: "sleeping", seconds: p.sleep.seconds };
    if (p.printedAt !== null && now - p.printedAt < RECENT_OUTPUT_MS) return { what: "printing" };
    return { what: "silent", quietMs: now - (p.printedAt ?? p.startedAt) };
  }

  /**
   * SIGINT where the page is cross-origin isolated: Python raises KeyboardInterrupt at its next
   * bytecode check, keeping the namespace. True when the run ended within the grace period.
   */
  async #interruptRun(result: Promise<RunResult>): Promise<boolean> {
    if (!this.#interrupt) return false;
    this.#interrupt[0] = 2;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), INTERRUPT_GRACE_MS);
    });
    const after = await Promise.race([result, grace]);
    clearTimeout(timer);
    return after !== "timeout";
  }

  /** Terminates the worker, settles what was in flight, and starts loading a fresh one. */
  #restart(
    reason: "timeout" | "restarted" | "died",
    how: { exitCode: number | null; crash: string | null } = { exitCode: null, crash: null },
  ): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
    for (const [id, p] of this.#pending) {
      this.#pending.delete(id);
      p.resolve(
        reason === "died"
          ? {
              ok: false,
              kind: "died",
              message: diedMessage(death(how.exitCode, how.crash)),
              ...how,
            }
          : { ok: false, kind: "restarted", message: restartedMessage },
      );
    }
    for (const [id, done] of this.#resets) {
      this.#resets.delete(id);
      done();
    }
    this.#setProgress({ phase: "idle", fraction: null });
    void this.load();
    // A question about the GPU in flight is asked again of the fresh worker.
    for (const [id, answer] of [...this.#gpuRequests]) {
      this.#gpuRequests.delete(id);
      void this.gpuInfo().then(answer);
    }
  }

  reset(namespace: string): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#ready) return;
      const id = this.#nextId++;
      const done = new Promise<void>((resolve) => this.#resets.set(id, resolve));
      this.#post({ type: "reset", id, namespace });
      await done;
    });
  }

  gpuInfo(): Promise<GpuInfo> {
    // Not queued: WebGPU needs no Python, and the worker initialises it only once, so asking
    // again is cheap (and brings a fresh dispatch count).
    void this.load();
    const id = this.#nextId++;
    const answer = new Promise<GpuInfo>((resolve) => this.#gpuRequests.set(id, resolve));
    this.#post({ type: "gpu", id });
    return answer;
  }

  get device(): Device {
    return this.#device;
  }

  setDevice(device: Device): void {
    this.#device = device;
  }

  async stop(): Promise<void> {
    // Not queued: stop must interrupt the run at the head of the queue.
    this.#restart("restarted");
  }
}

let host: WorkerHost | undefined;

/** The page's one runtime host; config applies only to the first call. */
export function getRuntimeHost(config: HostConfig = {}): RuntimeHost {
  if (!host) {
    host = new WorkerHost(config);
    // Reachable from devtools and e2e tests (e2e/device-toggle.spec.ts asks it about the GPU).
    (globalThis as { __torchlitHost?: RuntimeHost }).__torchlitHost = host;
  }
  return host;
}
