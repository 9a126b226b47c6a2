// Memory budgets: how many bytes of tensors each device may hold at once, so a loop that keeps
// allocating ends with PyTorch's out-of-memory error instead of freezing the page or growing the
// process until the kernel kills it. Counts only memory still reachable (see storage.ts); knows
// nothing of Python, which retries a refused allocation once after collectGarbage() (_bridge.py).
import { replayAllowed } from "../core/host-reads.ts";

/** Budgets in bytes; hosts set them (the page's worker, the CLI's flags). */
export const budgets = {
  /** Bytes of CPU tensors of at least COUNTED_CPU_BYTES each that may be live at once. */
  cpuBytes: 4 * 2 ** 30,
  /** Bytes the GPU may hold for tensors: live buffers plus the pool of free ones. */
  gpuBytes: 2 * 2 ** 30,
  /** Who sets the budget, as the messages name it ("this page", "this run"). */
  scope: "this process",
};

/**
 * CPU storages this large are counted (and registered with the finalizer so that they leave
 * the count when collected); smaller ones are not: a registry entry per small temporary would
 * slow every op, and a budget that never saw them leave would refuse loops that only churn.
 */
export const COUNTED_CPU_BYTES = 2 ** 20;

export const budgetStats = {
  /** Live bytes of the CPU storages counted against budgets.cpuBytes. */
  cpuBytes: 0,
  /** Counted CPU storages and GPU storages released so far (collectGarbage waits on it). */
  releases: 0,
  /** Buffers collectGarbage made to have the browser collect. */
  pressureBuffers: 0,
};

/** Errors raised because a budget was reached (Python retries these once after a collection). */
const refusals = new WeakSet<object>();

/**
 * Marks e as one a caller may retry after collectGarbage(); not where running the op again could
 * repeat its effects (inside backward or an optimizer step: host-reads.ts's withoutReplay).
 */
export function markBudgetRefusal<E extends Error>(e: E): E {
  if (replayAllowed()) refusals.add(e);
  return e;
}

/** Whether err is a budget refusal (as opposed to a tensor too large for any budget). */
export function isBudgetRefusal(err: unknown): boolean {
  return typeof err === "object" && err !== null && refusals.has(err);
}

/** A buffer this large, made and dropped, pushes V8 to collect (see collectGarbage). */
const PRESSURE_BYTES = 256 * 2 ** 20;

/** How long a browser may take to collect before the allocation is refused after all. */
const COLLECT_WAIT_MS = 1_000;

/**
 * Lets dropped tensors leave the counts before a refused allocation is tried again: a full
 * collection, then turns of the event loop until some storage was let go, as finalizers run
 * only in tasks of their own. Node's gc() collects where the host exposes it (the CLI starts
 * Node with --expose-gc). Browsers expose none, so 256 MiB buffers are made and dropped, one a
 * turn, until V8's count of external memory passes the limit that makes it collect (after a
 * collection the limit rises with what was live, so one buffer is not always enough: measured
 * in Chromium). The buffers are never written, so their pages are never committed.
 */
export async function collectGarbage(): Promise<void> {
  const before = budgetStats.releases;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const started = performance.now();
  for (let i = 0; budgetStats.releases === before; i++) {
    const waited = performance.now() - started;
    if (waited > (gc ? 50 : COLLECT_WAIT_MS)) return;
    if (!gc && i < 8) {
      try {
        // Counted, so that no bundler drops the allocation as free of side effects.
        budgetStats.pressureBuffers += new ArrayBuffer(PRESSURE_BYTES).byteLength > 0 ? 1 : 0;
      } catch {
        // No room even for the address space: nothing more to collect by this means.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, i < 8 ? 0 : 10));
  }
}

/** A byte count as PyTorch's CUDA allocator words it in its out-of-memory message. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(2)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** The CPU refusal: DefaultCPUAllocator's text, then a sentence on Torchlit's budget. */
export function cpuBudgetMessage(bytes: number): string {
  const live = budgetStats.cpuBytes;
  return (
    `[enforce fail at alloc_cpu.cpp:75] . DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. Error code 12 (Cannot allocate memory). ` +
    `Torchlit's budget for CPU tensors in ${budgets.scope} is ${budgets.cpuBytes} bytes (${formatSize(budgets.cpuBytes)}) and live tensors hold ${live} bytes (${formatSize(live)})`
  );
}

/** The GPU refusal, in the shape of PyTorch's caching allocator's message. */
export function gpuBudgetMessage(bytes: number, allocated: number, reserved: number): string {
  const free = Math.max(0, budgets.gpuBytes - reserved);
  return (
    `CUDA out of memory. Tried to allocate ${formatSize(bytes)} (GPU 0; ${formatSize(budgets.gpuBytes)} budget in ${budgets.scope}; ` +
    `${formatSize(allocated)} already allocated; ${formatSize(free)} free; ${formatSize(reserved)} reserved in total by Torchlit) ` +
    "Tensors still referenced count against the budget: del the ones no longer needed. See torch.cuda.memory_allocated()"
  );
}
