// The messages between the device-timing figure (client.ts, on the page) and its module worker
// (worker.ts). Types only: both sides import them, neither imports the other.
import type { GpuProblem } from "../../../runtime/host-types.ts";
import type { Row } from "./model.ts";

export interface RunRequest {
  type: "run";
  sizes: number[];
  runs: number;
  /** Whether the page sees navigator.gpu (the worker then asks for an adapter itself). */
  pageHasGpu: boolean;
}

export type Phase = "first" | "warm-up" | "timed" | "readback" | "check";

export type FromTimingWorker =
  /** What the worker found for the GPU, before any size is measured. */
  | {
      type: "gpu";
      available: boolean;
      adapter: string | null;
      problem: GpuProblem | null;
      detail: string | null;
    }
  | { type: "progress"; n: number; device: "cpu" | "gpu"; phase: Phase; run?: number }
  | { type: "row"; row: Row }
  | { type: "done" }
  | { type: "error"; message: string };
