// Browser side of <Exercise>: wires each exercise's buttons to the Python runtime (RuntimeHost,
// src/runtime/host.ts) and the grader (src/exercises/grade.ts), shows feedback in the page's
// language, and keeps drafts and solved state in localStorage (src/exercises/progress.ts).
// A code exercise is graded by its check.py in the runtime; a prediction by gradePrediction,
// after which the cell runs so the reader sees what really happens.
import sharedCatalogue from "../../../content/exercises/feedback.json";
import {
  type GradeResult,
  gradeExercise,
  gradePrediction,
  type PythonRunner,
} from "../../exercises/grade.ts";
import graderSource from "../../exercises/grader/tl_check.py?raw";
import { inlineMarkup } from "../../exercises/inline-markup.ts";
import {
  CHANGE_EVENT,
  type ExerciseProgress,
  readProgress,
  STORAGE_KEY,
  updateExercise,
} from "../../exercises/progress.ts";
import type { FeedbackCatalogue, LocalCode, PredictSpec } from "../../exercises/schema.ts";
import type { UiStrings } from "../../i18n/strings.ts";
import { OutputView } from "../../lib/output-view.ts";
import { getRuntimeHost } from "../../runtime/host.ts";
import type { Device } from "../../runtime/host-types.ts";
import { death, deathText, stoppedText, timeoutText } from "../../runtime/messages.ts";
import { OutputCollector, type OutputUpdate } from "../../runtime/output-limit.ts";
import { downloadProgress } from "./download-progress.ts";

/** What the page needs of an editor (CodeMirror, or the textarea before it loads). */
export interface ExerciseEditor {
  kind: "textarea" | "codemirror";
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
}

/** What Exercise.astro embeds for every kind (setup, hints and texts in the page language). */
interface CommonData {
  id: string;
  lesson: string;
  lang: "zh" | "en";
  setup: string;
  starterHash: string;
  hints: string[];
  timeoutMs: number;
  /** Always run on the CPU (the reason is in the page, shown when GPU is chosen). */
  cpuOnly: boolean;
  feedback: FeedbackCatalogue;
  strings: UiStrings["exercise"];
}
interface CodeData extends CommonData {
  kind: "code";
  /** Both languages' starters: either counts as unchanged. */
  starter: LocalCode;
  solution: string;
  check: string;
}
interface PredictData extends CommonData {
  kind: "predict";
  cell: string;
  predict: PredictSpec;
}
type ExerciseData = CodeData | PredictData;

/** The element carries its editor, so tests can set code through the editor's own API. */
export type ExerciseElement = HTMLElement & { tlEditor?: ExerciseEditor };

const SAVE_DELAY_MS = 300;
/** What a grading run may print: the grader's result line, with the reader's bounded output. */
const GRADER_OUTPUT_BOUNDS = { headChars: 4_000_000, tailChars: 100_000 };
/** After the load event, so the editor's chunk is never fetched with the page itself. */
const IDLE_UPGRADE_DELAY_MS = 1_000;

/** The parts of the exercise UI both kinds share: feedback, output, saving, hints, device. */
function commonUi(root: ExerciseElement, data: ExerciseData) {
  const t = data.strings;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const button = (action: string) => $<HTMLButtonElement>(`[data-action="${action}"]`);
  const feedback = $<HTMLElement>('[data-role="feedback"]') as HTMLElement;
  const output = $<HTMLElement>('[data-role="output"]') as HTMLElement;
  const save = $<HTMLElement>('[data-role="save"]') as HTMLElement;
  const hints = $<HTMLOListElement>('[data-role="hints"]') as HTMLOListElement;
  const catalogue: FeedbackCatalogue = { ...sharedCatalogue, ...data.feedback };
  const host = getRuntimeHost();

  const setSave = (text: string, state: string) => {
    save.textContent = text;
    save.setAttribute("data-state", state);
  };
  const showFeedback = (text: string, id: string, passed: boolean) => {
    feedback.hidden = false;
    // The text may quote the reader's values: inlineMarkup escapes it all first.
    feedback.innerHTML = inlineMarkup(text);
    feedback.setAttribute("data-feedback-id", id);
    feedback.setAttribute("data-passed", String(passed));
  };
  const showOutput = (text: string) => {
    output.hidden = text === "";
    output.textContent = text;
  };
  const markSolved = (solved: boolean) => {
    const mark = $<HTMLElement>('[data-role="solved"]');
    if (mark) mark.hidden = !solved;
    root.setAttribute("data-solved", String(solved));
  };
  // When the browser refuses a save, the reader can still take the work away as a file.
  const exportNow = button("export-now");
  let unsaved: Partial<ExerciseProgress> | null = null;
  const saveEntry = (patch: Partial<ExerciseProgress>) => {
    const full = { ...patch, starterHash: data.starterHash };
    const ok = updateExercise(localStorage, data.id, data.lesson, full);
    setSave(ok ? t.saved : t.notSaved, ok ? "saved" : "failed");
    unsaved = ok ? null : { ...unsaved, ...full };
    if (exportNow) exportNow.hidden = ok;
    window.dispatchEvent(new Event(CHANGE_EVENT));
    return ok;
  };
  exportNow?.addEventListener("click", () => {
    const before = readProgress(localStorage)[data.id];
    downloadProgress({
      [data.id]: { solved: false, ...before, ...unsaved, lesson: data.lesson },
    });
  });
  /** Calls back with this exercise's entry whenever another tab changes saved progress. */
  const onOtherTab = (listener: (entry: ExerciseProgress | undefined) => void) =>
    window.addEventListener("storage", (e) => {
      if (e.key === STORAGE_KEY || e.key === null) listener(readProgress(localStorage)[data.id]);
    });
  // A CPU-only exercise says why whenever GPU is the page's choice.
  const cpuNote = $<HTMLElement>('[data-role="cpu-only"]');
  const showCpuNote = () => {
    if (cpuNote) cpuNote.hidden = host.device !== "cuda";
  };
  /** Run options for the device: a CPU-only exercise names the CPU, others use the page's. */
  const device = (): { device?: Device } => {
    showCpuNote();
    return data.cpuOnly ? { device: "cpu" } : {};
  };
  if (cpuNote) {
    showCpuNote();
    document.addEventListener("change", showCpuNote);
  }
  /** Stops what the exercise runs now (its Run, its Check, a predict's cell). */
  let stopper: AbortController | undefined;
  const stopButton = button("stop");
  let revealStop: ReturnType<typeof setTimeout> | undefined;
  stopButton?.addEventListener("click", () => stopper?.abort());
  const busy = (on: boolean) => {
    for (const a of ["run", "check", "reset"]) {
      const b = button(a);
      if (b) b.disabled = on;
    }
    stopper = on ? new AbortController() : undefined;
    if (stopButton) {
      // Keyboard focus on a Stop that disappears goes back to Check.
      if (!on && document.activeElement === stopButton) button("check")?.focus();
      // Shown once the work has taken a moment, so a quick check never shifts the bar.
      clearTimeout(revealStop);
      if (on) revealStop = setTimeout(() => (stopButton.hidden = false), 250);
      else stopButton.hidden = true;
    }
    root.setAttribute("data-busy", String(on));
  };
  const signal = () => (stopper ? { signal: stopper.signal } : {});
  /** Runs setup then `code` in the exercise's own namespace, streaming into the output box. */
  /** An empty output box, drawn into as output arrives (bounded, see lib/output-view.ts). */
  const outputView = () => {
    output.replaceChildren();
    output.hidden = true;
    return new OutputView(output, {
      className: (stream) => `tl-out-${stream}`,
      hiddenText: (lines) => t.outputHidden.replace("{n}", lines.toLocaleString(t.locale)),
      onDraw: () => {
        output.hidden = output.childNodes.length === 0;
      },
    });
  };
  /** What the reader's code printed while graded: its start, and its end when it was long. */
  const showGradedOutput = (result: GradeResult) => {
    const view = outputView();
    view.add({
      append: [{ stream: "stdout", text: result.output }],
      ...(result.outputTail === undefined
        ? {}
        : { tail: [{ stream: "stdout" as const, text: result.outputTail }] }),
      hiddenLines: result.outputHiddenLines ?? 0,
      hiddenChars: 0,
    });
    view.flush();
  };
  const runWithSetup = async (code: string, filename: string) => {
    const view = outputView();
    const namespace = `exercise:${data.id}`;
    await host.reset(namespace);
    const opts = {
      namespace,
      onOutput: (update: OutputUpdate) => view.add(update),
      timeoutMs: data.timeoutMs,
      ...device(),
      ...signal(),
    };
    let result = await host.run(data.setup, { ...opts, filename: "setup.py" });
    if (result.ok) result = await host.run(code, { ...opts, filename });
    view.flush();
    if (!result.ok)
      view.appendLocal(
        result.kind === "error"
          ? result.traceback
          : `${
              result.kind === "died"
                ? deathText(t, death(result.exitCode, result.crash))
                : result.kind === "timeout"
                  ? timeoutText(t, data.timeoutMs, result.doing, result.kept)
                  : result.kind === "stopped"
                    ? stoppedText(t, result.kept, result.queued)
                    : result.message
            }\n`,
        "tl-out-stderr",
      );
  };

  let shown = 0;
  const hint = button("hint");
  hint?.addEventListener("click", () => {
    const next = data.hints[shown];
    if (next === undefined) return;
    const item = document.createElement("li");
    item.innerHTML = next;
    hints.append(item);
    hints.hidden = false;
    shown++;
    hint.textContent = `${t.hint} (${shown}/${data.hints.length})`;
    if (shown === data.hints.length) hint.disabled = true;
  });
  /** Buttons work before Python is loaded: the host loads on the first run. */
  const ready = () => {
    for (const a of ["run", "check", "reset", "hint"]) {
      const b = button(a);
      if (b && !(a === "hint" && data.hints.length === 0)) b.disabled = false;
    }
    root.setAttribute("data-ready", "true");
  };
  return {
    t,
    $,
    button,
    catalogue,
    host,
    device,
    setSave,
    showFeedback,
    showOutput,
    showGradedOutput,
    markSolved,
    saveEntry,
    onOtherTab,
    busy,
    signal,
    runWithSetup,
    ready,
  };
}

function hydrateCode(root: ExerciseElement, data: CodeData): void {
  const ui = commonUi(root, data);
  const { t, $, button } = ui;
  const editorBox = $<HTMLElement>('[data-role="editor"]');
  const textarea = editorBox?.querySelector("textarea");
  if (!editorBox || !textarea) return;
  const starter = data.starter[data.lang];

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The draftSavedAt of the draft this tab shows (its own save, or one adopted from another tab). */
  let shownSavedAt = -1;
  const saveDraft = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    shownSavedAt = Date.now();
    ui.saveEntry({ draft: editor.getCode(), draftSavedAt: shownSavedAt });
  };
  // Set while this tab puts another tab's draft in the editor: that is no edit to save.
  let adopting = false;
  const onChange = () => {
    if (adopting) return;
    ui.setSave(t.unsaved, "pending");
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, SAVE_DELAY_MS);
  };
  // No keystroke is lost to the debounce: leaving the page, hiding it or leaving the editor saves.
  const flush = () => {
    if (saveTimer !== undefined) saveDraft();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  editorBox.addEventListener("focusout", flush);

  let editor: ExerciseEditor = {
    kind: "textarea",
    getCode: () => textarea.value,
    setCode: (code) => {
      textarea.value = code;
    },
    focus: () => textarea.focus(),
  };
  textarea.addEventListener("input", onChange);
  root.tlEditor = editor;

  // Restore: the saved draft, and the choice when the starter changed since it was saved.
  const saved = readProgress(localStorage)[data.id];
  if (saved?.draft !== undefined) {
    editor.setCode(saved.draft);
    shownSavedAt = saved.draftSavedAt ?? -1;
    ui.setSave(t.saved, "saved");
    const isAStarter = saved.draft === data.starter.en || saved.draft === data.starter.zh;
    if (saved.starterHash !== data.starterHash && !isAStarter) {
      const choice = $<HTMLElement>('[data-role="starter-changed"]');
      if (choice) {
        choice.hidden = false;
        const close = (code: string | null) => {
          choice.hidden = true;
          if (code !== null) editor.setCode(code);
          saveDraft();
        };
        button("keep-draft")?.addEventListener("click", () => close(null));
        button("use-starter")?.addEventListener("click", () => close(starter));
      }
    }
  }
  ui.markSolved(saved?.solved ?? false);
  // Another tab saved: show its solved mark, and its newer draft unless this tab has an edit of
  // its own waiting to be saved (that one is newer still, and will win when it saves).
  ui.onOtherTab((entry) => {
    if (entry?.solved) ui.markSolved(true);
    if (entry?.draft === undefined || saveTimer !== undefined) return;
    if ((entry.draftSavedAt ?? -1) <= shownSavedAt || entry.draft === editor.getCode()) return;
    adopting = true;
    editor.setCode(entry.draft);
    adopting = false;
    shownSavedAt = entry.draftSavedAt ?? -1;
    ui.setSave(t.saved, "saved");
  });

  // Upgrade to CodeMirror on the reader's first intent (pointer or focus on the editor), or
  // when the page has loaded and gone idle: never part of the first load's JavaScript budget.
  let upgrading = false;
  const upgrade = async () => {
    if (upgrading) return;
    upgrading = true;
    try {
      const { codeMirrorEditor } = await import("./editor.ts");
      const code = editor.getCode();
      const hadFocus = document.activeElement === textarea;
      textarea.remove();
      editor = codeMirrorEditor(editorBox, code, t.editorLabel, onChange);
      root.tlEditor = editor;
      if (hadFocus) editor.focus();
    } catch {
      // The textarea stays the editor.
    }
    root.setAttribute("data-editor", editor.kind);
  };
  editorBox.addEventListener("pointerenter", () => void upgrade(), { once: true });
  textarea.addEventListener("focus", () => void upgrade(), { once: true });
  const whenIdle = () =>
    setTimeout(() => {
      if ("requestIdleCallback" in window)
        requestIdleCallback(() => void upgrade(), { timeout: 3_000 });
      else void upgrade();
    }, IDLE_UPGRADE_DELAY_MS);
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });

  button("run")?.addEventListener("click", async () => {
    ui.busy(true);
    ui.showOutput(t.running);
    await ui.runWithSetup(editor.getCode(), "exercise.py");
    ui.busy(false);
  });

  const runner: PythonRunner = async (program) => {
    // The grader bounds what it captures of the reader's output itself (tl_check.py), so its
    // result line always fits in these bounds.
    const collected = new OutputCollector();
    const namespace = `grade:${data.id}`;
    const result = await ui.host.run(program, {
      namespace,
      filename: "grade.py",
      onOutput: (update) => collected.add(update),
      outputBounds: GRADER_OUTPUT_BOUNDS,
      timeoutMs: data.timeoutMs,
      ...ui.device(),
      ...ui.signal(),
    });
    await ui.host.reset(namespace);
    const stdout = collected.text("stdout");
    if (result.ok) return { ok: true, stdout };
    if (result.kind === "stopped") return { ok: false, kind: "stopped", kept: result.kept };
    if (result.kind === "error")
      return { ok: false, kind: "error", message: `${result.type}: ${result.message}` };
    if (result.kind === "died")
      return { ok: false, kind: "died", death: death(result.exitCode, result.crash) };
    return {
      ok: false,
      kind: result.kind === "timeout" ? "timeout" : "error",
      message: result.message,
    };
  };

  button("check")?.addEventListener("click", async () => {
    ui.busy(true);
    ui.showFeedback(t.checking, "checking", false);
    const result = await gradeExercise({
      exercise: {
        setup: { en: data.setup, zh: data.setup },
        starter: data.starter,
        check: data.check,
      },
      code: editor.getCode(),
      run: runner,
      graderSource,
      catalogue: ui.catalogue,
    });
    ui.showFeedback(result.message[data.lang], result.feedbackId, result.passed);
    ui.showGradedOutput(result);
    if (result.passed) {
      ui.saveEntry({
        solved: true,
        solvedAt: Date.now(),
        draft: editor.getCode(),
        draftSavedAt: Date.now(),
      });
      ui.markSolved(true);
    } else if (result.feedbackId !== "unchanged") {
      const solution = button("solution");
      if (solution) solution.hidden = false;
    }
    ui.busy(false);
  });

  button("reset")?.addEventListener("click", () => {
    if (editor.getCode() !== starter && !window.confirm(t.resetConfirm)) return;
    editor.setCode(starter);
    saveDraft();
  });

  button("solution")?.addEventListener("click", () => {
    if (!window.confirm(t.solutionConfirm)) return;
    editor.setCode(data.solution);
    saveDraft();
  });

  ui.ready();
}

function hydratePredict(root: ExerciseElement, data: PredictData): void {
  const ui = commonUi(root, data);
  const { t, $, button } = ui;
  const fieldset = $<HTMLFieldSetElement>('[data-role="prediction"]');
  if (!fieldset) return;
  const valueBox = $<HTMLInputElement>('[data-role="value"]');
  const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const answer = () => valueBox?.value ?? radios.find((r) => r.checked)?.value ?? "";
  const setAnswer = (value: string) => {
    if (valueBox) valueBox.value = value;
    for (const r of radios) r.checked = r.value === value;
  };
  const saveAnswer = () => ui.saveEntry({ draft: answer(), draftSavedAt: Date.now() });
  fieldset.addEventListener("change", saveAnswer);
  valueBox?.addEventListener("input", saveAnswer);
  // Enter in the value box checks, as a form would.
  valueBox?.addEventListener("keydown", (e) => {
    if (e.key === "Enter") button("check")?.click();
  });
  root.tlEditor = {
    kind: "textarea",
    getCode: answer,
    setCode: setAnswer,
    focus: () => (valueBox ?? radios[0])?.focus(),
  };

  const saved = readProgress(localStorage)[data.id];
  if (saved?.draft !== undefined) {
    setAnswer(saved.draft);
    ui.setSave(t.saved, "saved");
  }
  ui.markSolved(saved?.solved ?? false);
  ui.onOtherTab((entry) => {
    if (entry?.solved) ui.markSolved(true);
    if (entry?.draft !== undefined && entry.draft !== answer()) setAnswer(entry.draft);
  });

  const label = $<HTMLElement>('[data-role="output-label"]');
  button("check")?.addEventListener("click", async () => {
    const result = gradePrediction(data.predict, answer(), ui.catalogue);
    ui.showFeedback(result.message[data.lang], result.feedbackId, result.passed);
    if (result.feedbackId === "predict-empty") return;
    if (result.passed) {
      ui.saveEntry({
        solved: true,
        solvedAt: Date.now(),
        draft: answer(),
        draftSavedAt: Date.now(),
      });
      ui.markSolved(true);
    } else saveAnswer();
    // Then the cell runs, right or wrong: seeing what really happens is the point.
    ui.busy(true);
    if (label) label.hidden = false;
    ui.showOutput(t.running);
    await ui.runWithSetup(data.cell, "cell.py");
    root.setAttribute("data-ran", "true");
    ui.busy(false);
  });
  root.setAttribute("data-editor", "prediction");
  ui.ready();
}

function hydrate(root: ExerciseElement): void {
  const data = JSON.parse(
    root.querySelector("[data-exercise-data]")?.textContent ?? "{}",
  ) as ExerciseData;
  if (data.kind === "predict") hydratePredict(root, data);
  else hydrateCode(root, data);
}

export function hydrateExercises(): void {
  for (const root of document.querySelectorAll<ExerciseElement>("[data-tl-exercise]")) {
    if (!root.hasAttribute("data-ready")) hydrate(root);
  }
}
