// Memory budgets: how many bytes of tensors each device may hold at once, so a loop that keeps
// allocating ends with PyTorch's out-of-memory error instead of freezing the page or growing the
// process until the kernel kills it. Counts only memory still reachable (see storage.ts); knows
// nothing of Python, which retries a refused allocation once after collectGarbage() (_bridge.py).

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

/** Live bytes counted against the budgets. */
export const budgetStats = { cpuBytes: 0 };

/** Errors raised because a budget was reached (Python retries these once after a collection). */
const refusals = new WeakSet<object>();

export function markBudgetRefusal<E extends Error>(e: E): E {
  refusals.add(e);
  return e;
}

/** Whether err is a budget refusal (as opposed to a tensor too large for any budget). */
export function isBudgetRefusal(err: unknown): boolean {
  return typeof err === "object" && err !== null && refusals.has(err);
}

/**
 * Lets dropped tensors leave the counts before a refused allocation is tried again: a full
 * collection where the host exposes one (the CLI starts Node with --expose-gc; browsers expose
 * none, but collect by themselves under the memory pressure of large buffers), then turns of
 * the event loop until some bytes were let go, as finalizers run only in tasks of their own.
 */
export async function collectGarbage(): Promise<void> {
  const before = budgetStats.cpuBytes;
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < 3 && budgetStats.cpuBytes === before; i++)
    await new Promise((resolve) => setTimeout(resolve, 0));
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
