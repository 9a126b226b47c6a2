// Reader-facing texts the runtime adds to Python's own output (English; the code-cell UI shows
// its localized version by result kind). Kept apart from worker.ts and host.ts so both share them
// without the page bundling the worker or the worker bundling page code.

import type { RunDoing } from "./host-types.ts";

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

/** Seconds, as the messages print them: whole seconds, or one decimal below ten. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return String(s >= 10 || Number.isInteger(s) ? Math.round(s) : Number(s.toFixed(1)));
}

/**
 * The words for a run that was stopped, by the time limit or by the reader's Stop. The English
 * table takes these (src/i18n/en.ts); every other language has its own, key for key.
 */
export const stopTextsEn = {
  /** {s}: the limit in seconds; {doing}: one of the doing… texts; {after}: keptAfter or resetAfter. */
  timeout: "Stopped after {s} s, the limit for one run here: {doing}. {after}",
  /** {n}: the seconds the run asked time.sleep() for. */
  doingSleeping: "it was inside time.sleep({n})",
  doingPrinting:
    "it was still working and printing (a long computation? make it shorter, or press Stop once you have seen enough)",
  /** {q}: seconds since the run last printed (or started). */
  doingSilent: "it had printed nothing for {q} s (an endless loop?)",
  keptAfter: "It was interrupted with KeyboardInterrupt, so variables are kept.",
  resetAfter:
    "Python was restarted, so this page's variables were reset; run the cells above again.",
  /** The reader pressed Stop; {after} as for timeout. */
  stopped: "Stopped. {after}",
  /** Stop pressed before the run started: nothing ran. */
  stoppedQueued: "Stopped before it ran.",
};

export type StopTexts = Record<keyof typeof stopTextsEn, string>;

function doingText(t: StopTexts, doing: RunDoing): string {
  if (doing.what === "sleeping") return t.doingSleeping.replace("{n}", String(doing.seconds));
  if (doing.what === "printing") return t.doingPrinting;
  return t.doingSilent.replace("{q}", seconds(doing.quietMs));
}

/** Why the time limit stopped a run, and what became of the variables. */
export function timeoutText(t: StopTexts, ms: number, doing: RunDoing, kept: boolean): string {
  return t.timeout
    .replace("{s}", seconds(ms))
    .replace("{doing}", doingText(t, doing))
    .replace("{after}", kept ? t.keptAfter : t.resetAfter);
}

/** The reader's Stop: before the run started, or after (variables kept or reset). */
export function stoppedText(t: StopTexts, kept: boolean, queued = false): string {
  if (queued) return t.stoppedQueued;
  return t.stopped.replace("{after}", kept ? t.keptAfter : t.resetAfter);
}

export const restartedMessage = stopTextsEn.resetAfter;

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
