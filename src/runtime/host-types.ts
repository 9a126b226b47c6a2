// The contract between the page and the Python worker: what code cells and exercises may ask
// of the runtime host, and what it reports back. Implemented by src/runtime/host.ts (page side)
// and src/runtime/worker.ts (inside the Web Worker); both import only these types from here.
import type { OutputBounds, OutputUpdate } from "./output-limit.ts";

/** Loading progress, for the progress bar: phase and a 0..1 fraction when known. */
export interface LoadProgress {
  /**
   * downloading: the worker and Pyodide's files (fraction: of Pyodide's bytes, once known);
   * booting: the files are in and Python starts; starting: `import torch`.
   */
  phase: "idle" | "downloading" | "booting" | "starting" | "ready" | "failed";
  fraction: number | null;
  /** Human-readable detail (e.g. the file being fetched, or the failure). */
  detail?: string;
}

export interface RunOptions {
  /** Namespace (one per page: cells share it like a notebook); created on first use. */
  namespace: string;
  /** File name shown in tracebacks, e.g. "cell-3" or "exercise". */
  filename?: string;
  /**
   * Output as it is printed, in batches: text appended to the head, then, once the run has
   * printed more than the bounds keep, the latest tail and how many lines fell between
   * (OutputView renders this, OutputCollector folds it into text).
   */
  onOutput?: (update: OutputUpdate) => void;
  /** Called when the run really starts: runs queue, one at a time, in order. */
  onStart?: () => void;
  /** How much output to keep (default CELL_OUTPUT_BOUNDS; the grader asks for more). */
  outputBounds?: OutputBounds;
  /** Milliseconds before a runaway run is stopped (worker restarted). Default 10 000. */
  timeoutMs?: number;
  /**
   * The reader's Stop: a run still queued (or waiting for Python to load) is dropped; a running
   * one gets KeyboardInterrupt where the page is cross-origin isolated, else Python is restarted.
   */
  signal?: AbortSignal;
  /** Device for new tensors: "cpu" or "cuda" (WebGPU). Default: the page's (setDevice), else "cpu". */
  device?: Device;
}

/** Device for new tensors: "cuda" is the reader's GPU through WebGPU. */
export type Device = "cpu" | "cuda";

/**
 * Why there is no GPU, for the page to say in the reader's language: the browser has no WebGPU
 * (navigator.gpu missing), no WebAssembly JSPI (Python cannot wait on GPU reads), no adapter,
 * the device was lost after it worked, or starting WebGPU failed otherwise.
 */
export type GpuProblem = "no-webgpu" | "no-jspi" | "no-adapter" | "device-lost" | "failed";

/** What the worker found when asked for the GPU (host.gpuInfo()). */
export interface GpuInfo {
  available: boolean;
  /** The WebGPU adapter's name when available, e.g. "SwiftShader Device (Subzero)". */
  adapter: string | null;
  /** Why not, in English, when unavailable (null when available). */
  reason: string | null;
  /** Why not, as a kind the page translates (null when available). */
  problem: GpuProblem | null;
  /** The browser's own words about the failure (an exception's message), when there are any. */
  detail: string | null;
  /** WGSL kernel dispatches so far in this worker (tests check the GPU really ran). */
  dispatches: number;
}

/**
 * What a run was doing when it was stopped: inside time.sleep(seconds); still printing (output in
 * its last few seconds); or silent for `quietMs` (an endless loop looks like this).
 */
export type RunDoing =
  | { what: "sleeping"; seconds: number }
  | { what: "printing" }
  | { what: "silent"; quietMs: number };

export type RunResult =
  | {
      ok: true /** repr of the last expression's value, when the cell ends in an expression */;
      value: string | null;
    }
  | {
      ok: false;
      kind: "error";
      /** Python exception type and message, e.g. RuntimeError / "The size of tensor a ..." */
      type: string;
      message: string;
      /** Traceback limited to the reader's frames. */
      traceback: string;
      /** Extra advice for the reader (e.g. the page's allocation limit); not part of Python's output. */
      hint?: string;
    }
  /**
   * timeout: stopped at the time limit; restarted: Python was restarted under it (Restart);
   * died: the worker ended by itself (os._exit, js.close(), a crash), noticed at once.
   */
  | {
      ok: false;
      kind: "timeout";
      message: string;
      /** What the run was doing when the limit stopped it (the page words its message by it). */
      doing: RunDoing;
      /** Interrupted with KeyboardInterrupt (cross-origin isolated pages): variables kept. */
      kept: boolean;
    }
  | { ok: false; kind: "restarted"; message: string }
  /**
   * Stopped by the reader (RunOptions.signal): `queued` when it never started; `kept` when the
   * namespace's variables survived (always, when queued).
   */
  | { ok: false; kind: "stopped"; message: string; kept: boolean; queued: boolean }
  | {
      ok: false;
      kind: "died";
      message: string;
      /** os._exit's status, when Python exited. */
      exitCode: number | null;
      /** Pyodide's fatal error, when Python crashed (e.g. "RangeError: Maximum call stack…"). */
      crash: string | null;
    };

export interface RuntimeHost {
  /** Starts loading (idempotent): call on the reader's first intent. */
  load(): Promise<void>;
  readonly progress: LoadProgress;
  onProgress(listener: (p: LoadProgress) => void): () => void;
  run(code: string, opts: RunOptions): Promise<RunResult>;
  /** Forgets a namespace's variables. */
  reset(namespace: string): Promise<void>;
  /** Stops whatever is running (restarts the worker; every namespace is lost). */
  stop(): Promise<void>;
  /**
   * Asks the worker for the GPU (initialising WebGPU there, once) and reports what it found.
   * Starts the worker if needed: call only on the reader's intent, never on page load.
   */
  gpuInfo(): Promise<GpuInfo>;
  /** The page's device for runs that do not name one (the device toggle sets it). */
  setDevice(device: Device): void;
  readonly device: Device;
  /** Called after every run ends (the toggle re-checks the GPU then: a device can be lost). */
  onRunEnd(listener: () => void): () => void;
}
