// Browser side of <Exercise>: wires each exercise's buttons to the Python runtime (RuntimeHost,
// src/runtime/host.ts) and the grader (src/exercises/grade.ts), shows feedback in the page's
// language, and keeps drafts and solved state in localStorage (src/exercises/progress.ts).
// It never grades by itself: Check runs the exercise's check.py in the runtime.
import catalogue from "../../../content/exercises/feedback.json";
import { gradeExercise, type PythonRunner } from "../../exercises/grade.ts";
import graderSource from "../../exercises/grader/tl_check.py?raw";
import { CHANGE_EVENT, readProgress, updateExercise } from "../../exercises/progress.ts";
import { getRuntimeHost } from "../../runtime/host.ts";
import type { ExerciseStrings } from "./strings.ts";

/** What the page needs of an editor (CodeMirror, or the textarea before it loads). */
export interface ExerciseEditor {
  kind: "textarea" | "codemirror";
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
}

interface ExerciseData {
  id: string;
  lesson: string;
  lang: "zh" | "en";
  setup: string;
  starter: string;
  starterHash: string;
  solution: string;
  check: string;
  hints: string[];
  timeoutMs: number;
  strings: ExerciseStrings;
}

/** The element carries its editor, so tests can set code through the editor's own API. */
export type ExerciseElement = HTMLElement & { tlEditor?: ExerciseEditor };

const SAVE_DELAY_MS = 300;
/** After the load event, so the editor's chunk is never fetched with the page itself. */
const IDLE_UPGRADE_DELAY_MS = 1_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hydrate(root: ExerciseElement): void {
  const data = JSON.parse(
    root.querySelector("[data-exercise-data]")?.textContent ?? "{}",
  ) as ExerciseData;
  const t = data.strings;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const button = (action: string) => $<HTMLButtonElement>(`[data-action="${action}"]`);
  const feedback = $<HTMLElement>('[data-role="feedback"]');
  const output = $<HTMLElement>('[data-role="output"]');
  const save = $<HTMLElement>('[data-role="save"]');
  const hints = $<HTMLOListElement>('[data-role="hints"]');
  const editorBox = $<HTMLElement>('[data-role="editor"]');
  const textarea = editorBox?.querySelector("textarea");
  if (!feedback || !output || !save || !hints || !editorBox || !textarea) return;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const setSave = (text: string, state: string) => {
    save.textContent = text;
    save.setAttribute("data-state", state);
  };
  const saveDraft = () => {
    clearTimeout(saveTimer);
    const ok = updateExercise(localStorage, data.id, data.lesson, {
      draft: editor.getCode(),
      draftSavedAt: Date.now(),
      starterHash: data.starterHash,
    });
    setSave(ok ? t.saved : t.notSaved, ok ? "saved" : "failed");
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  const onChange = () => {
    setSave(t.unsaved, "pending");
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, SAVE_DELAY_MS);
  };

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
    setSave(t.saved, "saved");
    if (saved.starterHash !== data.starterHash && saved.draft !== data.starter) {
      const choice = $<HTMLElement>('[data-role="starter-changed"]');
      if (choice) {
        choice.hidden = false;
        const close = (code: string | null) => {
          choice.hidden = true;
          if (code !== null) editor.setCode(code);
          saveDraft();
        };
        button("keep-draft")?.addEventListener("click", () => close(null));
        button("use-starter")?.addEventListener("click", () => close(data.starter));
      }
    }
  }
  const markSolved = (solved: boolean) => {
    const mark = $<HTMLElement>('[data-role="solved"]');
    if (mark) mark.hidden = !solved;
    root.setAttribute("data-solved", String(solved));
  };
  markSolved(saved?.solved ?? false);

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

  const host = getRuntimeHost();
  const busy = (on: boolean) => {
    for (const a of ["run", "check", "reset"]) {
      const b = button(a);
      if (b) b.disabled = on;
    }
    root.setAttribute("data-busy", String(on));
  };
  const showFeedback = (text: string, id: string, passed: boolean) => {
    feedback.hidden = false;
    // The text may quote the reader's values: escape it all, then mark up `code` spans.
    feedback.innerHTML = escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
    feedback.setAttribute("data-feedback-id", id);
    feedback.setAttribute("data-passed", String(passed));
  };
  const showOutput = (text: string) => {
    output.hidden = text === "";
    output.textContent = text;
  };

  button("run")?.addEventListener("click", async () => {
    busy(true);
    showOutput(t.running);
    let text = "";
    const append = (chunk: string) => {
      text += chunk;
      output.textContent = text;
    };
    const namespace = `exercise:${data.id}`;
    await host.reset(namespace);
    const opts = { namespace, onStdout: append, onStderr: append, timeoutMs: data.timeoutMs };
    let result = await host.run(data.setup, { ...opts, filename: "setup.py" });
    if (result.ok) result = await host.run(editor.getCode(), { ...opts, filename: "exercise.py" });
    if (!result.ok) text += result.kind === "error" ? result.traceback : `${result.message}\n`;
    showOutput(text);
    busy(false);
  });

  const runner: PythonRunner = async (program) => {
    let stdout = "";
    const namespace = `grade:${data.id}`;
    const result = await host.run(program, {
      namespace,
      filename: "grade.py",
      onStdout: (chunk) => {
        stdout += chunk;
      },
      timeoutMs: data.timeoutMs,
    });
    await host.reset(namespace);
    if (result.ok) return { ok: true, stdout };
    if (result.kind === "error")
      return { ok: false, kind: "error", message: `${result.type}: ${result.message}` };
    return {
      ok: false,
      kind: result.kind === "timeout" ? "timeout" : "error",
      message: result.message,
    };
  };

  button("check")?.addEventListener("click", async () => {
    busy(true);
    showFeedback(t.checking, "checking", false);
    const result = await gradeExercise({
      exercise: data,
      code: editor.getCode(),
      run: runner,
      graderSource,
      catalogue,
    });
    showFeedback(result.message[data.lang], result.feedbackId, result.passed);
    showOutput(result.output);
    if (result.passed) {
      const ok = updateExercise(localStorage, data.id, data.lesson, {
        solved: true,
        solvedAt: Date.now(),
        draft: editor.getCode(),
        draftSavedAt: Date.now(),
        starterHash: data.starterHash,
      });
      setSave(ok ? t.saved : t.notSaved, ok ? "saved" : "failed");
      markSolved(true);
      window.dispatchEvent(new Event(CHANGE_EVENT));
    } else if (result.feedbackId !== "unchanged") {
      const solution = button("solution");
      if (solution) solution.hidden = false;
    }
    busy(false);
  });

  button("reset")?.addEventListener("click", () => {
    if (editor.getCode() !== data.starter && !window.confirm(t.resetConfirm)) return;
    editor.setCode(data.starter);
    saveDraft();
  });

  button("solution")?.addEventListener("click", () => {
    if (!window.confirm(t.solutionConfirm)) return;
    editor.setCode(data.solution);
    saveDraft();
  });

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

  // Buttons work before Python is loaded: the host loads on the first run.
  for (const a of ["run", "check", "reset", "hint"]) {
    const b = button(a);
    if (b && !(a === "hint" && data.hints.length === 0)) b.disabled = false;
  }
  root.setAttribute("data-ready", "true");
}

export function hydrateExercises(): void {
  for (const root of document.querySelectorAll<ExerciseElement>("[data-tl-exercise]")) {
    if (!root.hasAttribute("data-ready")) hydrate(root);
  }
}
