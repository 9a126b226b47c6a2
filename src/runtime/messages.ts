// Reader-facing texts the runtime adds to Python's own output (English; the code-cell UI shows
// its localized version by result kind). Kept apart from worker.ts and host.ts so both share them
// without the page bundling the worker or the worker bundling page code.

function gib(bytes: number): string {
  return `${Number((bytes / 2 ** 30).toFixed(1))} GiB`;
}

/** A byte count for a hint: MiB below a GiB (a test's 64 MiB budget is not "0.1 GiB"). */
function size(bytes: number): string {
  return bytes < 2 ** 30 ? `${Number((bytes / 2 ** 20).toFixed(1))} MiB` : gib(bytes);
}

/** Advice after an allocation the page refused or the browser could not satisfy. */
export function allocationHint(type: string, message: string, limit: number): string | undefined {
  // The page's total budgets (the engine's memory-budget.ts words them).
  const cpuBudget =
    /budget for CPU tensors in this page is (\d+) bytes .* live tensors hold (\d+) bytes/.exec(
      message,
    );
  if (cpuBudget) {
    return `This page holds at most ${size(Number(cpuBudget[1]))} of CPU tensors at once, and tensors still referenced hold ${size(Number(cpuBudget[2]))}: del the ones you no longer need, or use smaller shapes.`;
  }
  const gpuBudget =
    /^CUDA out of memory\. Tried to allocate ([^(]+) \(GPU 0; ([^;]+) budget in this page/.exec(
      message,
    );
  if (gpuBudget) {
    return `This page lets the GPU hold at most ${gpuBudget[2]} of tensors: del the ones you no longer need, or use smaller shapes.`;
  }
  if (/^CUDA out of memory/.test(message)) {
    return "The GPU cannot hold a tensor this large: use smaller shapes.";
  }
  const refused = /can't allocate memory: you tried to allocate (\d+) bytes/.exec(message);
  if (refused) {
    return `This page allows at most ${gib(limit)} per tensor and this one needs ${gib(Number(refused[1]))}: use smaller shapes.`;
  }
  // The engine's tensors live in ArrayBuffers: a failed buffer is a tensor too big for the
  // browser. A MemoryError is Python's own (a huge list or string), not a tensor's.
  if (/Array buffer allocation failed/i.test(message)) {
    return "The browser ran out of memory for this tensor: use smaller shapes.";
  }
  if (type === "MemoryError" || /out of memory/i.test(message)) {
    return "The browser ran out of memory for Python (a list, a string or other data this large does not fit here): use less data.";
  }
  return undefined;
}

export function timeoutMessage(ms: number): string {
  return `Stopped after ${ms / 1000} s: the code was still running (an endless loop?). Python was restarted, so this page's variables were reset; run the cells above again.`;
}

export const restartedMessage =
  "Python was restarted, so this page's variables were reset; run the cells above again.";

export const interruptedMessage = (ms: number): string =>
  `Stopped after ${ms / 1000} s with KeyboardInterrupt: the code was still running (an endless loop?). Variables are kept.`;

/** How the worker ended by itself: Python exited, crashed, or its worker was closed. */
export type Death = { exitCode: number } | { crash: "stack" | "other" } | { closed: true };

export function death(exitCode: number | null, crash: string | null): Death {
  if (exitCode !== null) return { exitCode };
  if (crash !== null) return { crash: /call stack/i.test(crash) ? "stack" : "other" };
  return { closed: true };
}

export function diedMessage(d: Death): string {
  const why =
    "exitCode" in d
      ? `Python ended with exit status ${d.exitCode}: os._exit() ends the Python process at once, here as on your computer.`
      : "crash" in d
        ? d.crash === "stack"
          ? "Python crashed: the recursion went deeper than the browser's stack allows (raising sys.setrecursionlimit() lets it try)."
          : "Python crashed inside the browser."
        : "Python stopped: its worker was closed (js.close() does this).";
  return `${why} Python was restarted, so this page's variables were reset; run the cells above again.`;
}

/** The page's words for a Death, from its strings (a code cell's or an exercise's). */
export function deathText(
  t: { exited: string; crashedStack: string; crashed: string; died: string },
  d: Death,
): string {
  if ("exitCode" in d) return t.exited.replace("{code}", String(d.exitCode));
  if ("crash" in d) return d.crash === "stack" ? t.crashedStack : t.crashed;
  return t.died;
}
