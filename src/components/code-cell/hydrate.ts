// Client script of the code cells: wires each cell's controls to the runtime host, streams
// output under the cell, and swaps the static Shiki block for a CodeMirror editor on first edit.
// It must stay small (it is on the page before load); CodeMirror and the worker load lazily,
// and the runtime starts only on the reader's intent or once the page has loaded and is idle.
import type { UiStrings } from "../../i18n/strings.ts";
import { definesName, missingName } from "../../lib/defines-name.ts";
import { OutputView } from "../../lib/output-view.ts";
import { getRuntimeHost } from "../../runtime/host.ts";
import { death, deathText, stoppedText, timeoutText } from "../../runtime/messages.ts";

/**
 * A safety net, not the way out: the Stop button is. A page (or a test) may set a shorter limit
 * before the cells hydrate, as `globalThis.__torchlitCellLimitMs`.
 */
const TIMEOUT_MS =
  (globalThis as { __torchlitCellLimitMs?: number }).__torchlitCellLimitMs ?? 60_000;
/** The elapsed time shows once a run has taken this long, so quick runs never flash it. */
const ELAPSED_AFTER_MS = 1_000;
/** Stop shows once a run (queued or running) has taken this long: quick runs never shift the bar. */
const STOP_AFTER_MS = 250;

interface Editor {
  getCode(): string;
}

interface Cell {
  root: HTMLElement;
  index: number;
  editor?: Editor;
  editing?: Promise<Editor>;
  /** Aborts the cell's runs in flight (queued or running, all of them): the Stop button. */
  stop?: AbortController | undefined;
  inFlight: number;
}

type State = "idle" | "running" | "ok" | "error" | "timeout" | "stopped";

let hydrated = false;

export function hydrateCells(): void {
  if (hydrated) return;
  hydrated = true;
  const roots = [...document.querySelectorAll<HTMLElement>("[data-tl-cell]")];
  if (roots.length === 0) return;
  const t = JSON.parse(roots[0]?.getAttribute("data-strings") ?? "{}") as UiStrings["cell"];
  const host = getRuntimeHost();
  // One namespace per page: the cells of a lesson are one notebook.
  const namespace = `page:${location.pathname}`;
  const cells: Cell[] = roots.map((root) => ({
    root,
    index: Number(root.getAttribute("data-index")),
    inFlight: 0,
  }));
  let runCount = 0;

  const part = <T extends HTMLElement>(cell: Cell, selector: string): T =>
    cell.root.querySelector<T>(selector) as T;
  const setStatus = (cell: Cell, state: State, text: string): void => {
    cell.root.setAttribute("data-state", state);
    part(cell, ".tl-cell-status").textContent = text;
  };
  const code = (cell: Cell): string =>
    cell.editor?.getCode() ?? cell.root.getAttribute("data-source") ?? "";

  const intent = (): void => void host.load();

  // While Python loads, only the cells the reader is waiting on show it: the share of Pyodide's
  // bytes downloaded, then the start-up step it is at in words.
  const loadingText = (): string => {
    const { phase, fraction } = host.progress;
    if (phase === "starting") return t.loadingTorch;
    if (phase === "booting") return t.startingPython;
    return fraction
      ? t.loadingPercent.replace("{p}", String(Math.floor(fraction * 100)))
      : t.loading;
  };
  const showLoading = (): void => {
    const { phase, fraction } = host.progress;
    const loading = phase === "downloading" || phase === "booting" || phase === "starting";
    for (const cell of cells) {
      const waiting = loading && cell.root.getAttribute("data-state") === "running";
      const bar = part<HTMLProgressElement>(cell, ".tl-cell-progress");
      bar.hidden = !waiting;
      // A measured share while the files download; an indeterminate bar for the steps after.
      if (phase === "downloading" && fraction) bar.value = fraction;
      else bar.removeAttribute("value");
      // A run queued while Python loads waits for the load, not for another cell.
      if (waiting) part(cell, ".tl-cell-status").textContent = loadingText();
    }
  };
  host.onProgress((p) => {
    showLoading();
    if (p.phase === "failed")
      for (const cell of cells) setStatus(cell, "error", `${t.failedToLoad}: ${p.detail ?? ""}`);
  });

  /** A fresh view of the cell's output box; the box shows once there is something in it. */
  function outputView(cell: Cell): OutputView {
    const out = part(cell, ".tl-cell-output");
    out.replaceChildren();
    out.hidden = true;
    return new OutputView(out, {
      className: (stream) => (stream === "stderr" ? "tl-out-err" : "tl-out-out"),
      hiddenText: (lines) => t.outputHidden.replace("{n}", lines.toLocaleString(t.locale)),
      onDraw: () => {
        out.hidden = out.childNodes.length === 0;
      },
    });
  }

  /**
   * Shows Stop while any run of the cell is queued or running, and the time since this run
   * started; returns the call that undoes it, with `start` for when the run really starts.
   */
  function showRunning(cell: Cell): { start: () => void; end: () => void } {
    const button = part<HTMLButtonElement>(cell, "[data-action=stop]");
    const elapsed = part(cell, ".tl-cell-elapsed");
    cell.inFlight++;
    const reveal = setTimeout(() => {
      button.hidden = false;
    }, STOP_AFTER_MS);
    let startedAt = 0;
    let ticker: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const ms = performance.now() - startedAt;
      elapsed.hidden = ms < ELAPSED_AFTER_MS;
      elapsed.textContent = t.elapsed.replace("{s}", String(Math.floor(ms / 1000)));
    };
    return {
      start: () => {
        startedAt = performance.now();
        ticker = setInterval(tick, 250);
      },
      end: () => {
        clearTimeout(reveal);
        clearInterval(ticker);
        elapsed.hidden = true;
        if (--cell.inFlight > 0) return;
        cell.stop = undefined;
        // Keyboard focus on a Stop that disappears goes back to Run, not to the page's start.
        if (document.activeElement === button) part<HTMLElement>(cell, "[data-action=run]").focus();
        button.hidden = true;
      },
    };
  }

  async function run(cell: Cell): Promise<boolean> {
    const view = outputView(cell);
    part(cell, ".tl-cell-count").textContent = "[*]";
    // Queued until the runs before it are done; then loading (the first run) or running.
    setStatus(cell, "running", t.queued);
    showLoading();
    const source = code(cell);
    if (!cell.stop || cell.stop.signal.aborted) cell.stop = new AbortController();
    const { signal } = cell.stop;
    const shown = showRunning(cell);
    const result = await host.run(source, {
      namespace,
      onStart: () => {
        shown.start();
        setStatus(cell, "running", host.progress.phase === "ready" ? t.running : loadingText());
        showLoading();
      },
      filename: `cell-${cell.index}`,
      timeoutMs: TIMEOUT_MS,
      onOutput: (update) => view.add(update),
      signal,
    });
    shown.end();
    view.flush();
    if (!result.ok && result.kind === "stopped" && result.queued) {
      // Nothing ran: the cell is as it was before, apart from saying so.
      part(cell, ".tl-cell-count").textContent = "";
      setStatus(cell, "stopped", stoppedText(t, true, true));
      showLoading();
      return false;
    }
    part(cell, ".tl-cell-count").textContent = result.ok ? `[${++runCount}]` : "";
    if (result.ok) {
      if (result.value !== null) view.appendLocal(`${result.value}\n`, "tl-out-out");
      setStatus(cell, "ok", t.done);
      return true;
    }
    if (result.kind === "error") {
      view.appendLocal(result.traceback, "tl-out-err");
      if (result.hint) view.appendLocal(result.hint, "tl-out-note");
      if (result.type === "NameError") offerRunAbove(cell, missingName(result.traceback));
      setStatus(cell, "error", `${t.error}: ${result.type}`);
      return false;
    }
    // Unless an interrupt kept them, the worker was restarted: every cell's variables are gone.
    const kept = (result.kind === "timeout" || result.kind === "stopped") && result.kept;
    if (!kept) for (const other of cells) part(other, ".tl-cell-count").textContent = "";
    const message =
      result.kind === "timeout"
        ? timeoutText(t, TIMEOUT_MS, result.doing, result.kept)
        : result.kind === "stopped"
          ? stoppedText(t, result.kept)
          : result.kind === "died"
            ? deathText(t, death(result.exitCode, result.crash))
            : t.restarted;
    view.appendLocal(message, "tl-out-note");
    // The reader knows why it stopped: the status just says so, the note under it says the rest.
    if (result.kind === "stopped")
      setStatus(cell, "stopped", t.stopped.replace("{after}", "").trim());
    else setStatus(cell, "timeout", message);
    return false;
  }

  /**
   * Cells share one Python session in the order they run: a name missing here that a cell above
   * defines means that cell has not run (or ran before a restart). Say so, and offer to run them.
   */
  function offerRunAbove(cell: Cell, name: string | null): void {
    if (!name || !cells.some((c) => c.index < cell.index && definesName(code(c), name))) return;
    const hint = document.createElement("p");
    hint.className = "tl-cell-hint";
    hint.textContent = `${t.definedAbove.replace("{name}", name)} `;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = t.runAbove;
    button.addEventListener("click", () => void runUpTo(cell));
    hint.append(button);
    const out = part(cell, ".tl-cell-output");
    out.append(hint);
    out.hidden = false;
  }

  /** "Run all above": the earlier cells in page order, then this one; stops at the first failure. */
  async function runUpTo(cell: Cell): Promise<void> {
    for (const c of cells) {
      if (c.index > cell.index || !(await run(c))) return;
    }
  }

  async function restart(): Promise<void> {
    await host.stop();
    runCount = 0;
    for (const c of cells) {
      part(c, ".tl-cell-count").textContent = "";
      part(c, ".tl-cell-output").hidden = true;
      setStatus(c, "idle", "");
    }
    const first = cells[0];
    if (first) part(first, ".tl-cell-status").textContent = t.restarted;
  }

  function edit(cell: Cell, at?: { x: number; y: number }): Promise<Editor> {
    cell.editing ??= import("./editor.ts").then(({ createEditor }) => {
      const holder = part(cell, ".tl-cell-code");
      const wrapper = document.createElement("div");
      wrapper.className = "tl-cell-editor";
      const source = code(cell);
      // The static block stays in the DOM, hidden, so "view source" and no-JS readers agree.
      for (const child of holder.children) (child as HTMLElement).hidden = true;
      holder.append(wrapper);
      const editor = createEditor(wrapper, source, { onRun: () => void run(cell), at });
      cell.editor = editor;
      return editor;
    });
    return cell.editing;
  }

  for (const cell of cells) {
    part(cell, ".tl-cell-bar").hidden = false;
    for (const button of cell.root.querySelectorAll<HTMLButtonElement>("[data-action]")) {
      button.addEventListener("pointerenter", intent);
      button.addEventListener("focus", intent);
      const action = button.getAttribute("data-action");
      button.addEventListener("click", () => {
        if (action === "run") void run(cell);
        else if (action === "run-above") void runUpTo(cell);
        else if (action === "stop") cell.stop?.abort();
        else void restart();
      });
    }
    const holder = part(cell, ".tl-cell-code");
    // Keyboard readers reach the static block too: Enter edits, Shift+Enter runs.
    holder.tabIndex = 0;
    holder.setAttribute("role", "group");
    holder.setAttribute("aria-label", holder.title);
    holder.addEventListener("focusin", intent);
    holder.addEventListener("pointerdown", (event) => {
      intent();
      if (!cell.editing) void edit(cell, { x: event.clientX, y: event.clientY });
    });
    holder.addEventListener("keydown", (event) => {
      if (cell.editor) return; // the editor has its own keymap
      if (event.key === "Enter" && event.shiftKey) {
        event.preventDefault();
        void run(cell);
      } else if (event.key === "Enter") {
        event.preventDefault();
        void edit(cell);
      }
    });
  }

  // Preloading waits for the load event so it never competes with the page itself.
  const whenLoaded = (fn: () => void): void => {
    if (document.readyState === "complete") fn();
    else addEventListener("load", fn, { once: true });
  };
  whenLoaded(() => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        intent();
      }
    });
    for (const cell of cells) observer.observe(cell.root);
    if ("requestIdleCallback" in window) requestIdleCallback(intent, { timeout: 5_000 });
  });
}
