// Messages between the page (host.ts) and the Python worker (worker.ts). Internal to the
// runtime: cells and exercises talk to RuntimeHost (host-types.ts), never to these.
// Every request carrying an id gets exactly one reply with that id.
import type { Device, GpuInfo, LoadProgress, RunResult } from "./host-types.ts";
import type { OutputBounds, OutputUpdate } from "./output-limit.ts";

export type ToWorker =
  | {
      type: "load";
      /** Absolute URL of the folder holding Pyodide's runtime files. */
      indexURL: string;
      maxAllocationBytes: number;
      /** The page's memory budgets (HostConfig). */
      cpuBudgetBytes: number;
      gpuBudgetBytes: number;
      /** Pyodide's interrupt buffer; only when the page is cross-origin isolated. */
      interruptBuffer?: Int32Array;
      /** A Web Lock the worker holds for its whole life: the page learns of its end at once. */
      lifeLock?: string;
    }
  | {
      type: "run";
      id: number;
      code: string;
      namespace: string;
      filename: string;
      device: Device;
      /** What of the run's output reaches the page (default CELL_OUTPUT_BOUNDS). */
      outputBounds?: OutputBounds;
    }
  | { type: "reset"; id: number; namespace: string }
  /** Initialises WebGPU in the worker (once) and replies with what it found. */
  | { type: "gpu"; id: number };

export type FromWorker =
  | { type: "progress"; progress: LoadProgress }
  /** The worker holds its life lock (sent once, before loading). */
  | { type: "alive" }
  /** Python ended (os._exit's status, or Pyodide's fatal error); the worker closes right after. */
  | { type: "died"; exitCode: number | null; crash: string | null }
  /** What the run printed since the previous update (batched, bounded: output-limit.ts). */
  | { type: "output"; id: number; update: OutputUpdate }
  /** The run called time.sleep(seconds): a stop during it is not an endless loop. */
  | { type: "sleeping"; id: number; seconds: number }
  | { type: "result"; id: number; result: RunResult }
  | { type: "reset-done"; id: number }
  | { type: "gpu-info"; id: number; info: GpuInfo };
