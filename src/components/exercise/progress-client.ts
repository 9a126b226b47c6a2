// The progress page in the browser: shows each exercise's saved status, exports the progress
// as a JSON file (with whatever could not be read), and imports one after a preview (merging per
// exercise; a file that is not ours, or from a newer version, is rejected saying which; its bad
// entries are skipped and counted). Storage rules live in src/exercises/progress.ts.
import {
  CHANGE_EVENT,
  mergeProgress,
  type Progress,
  parseProgressFile,
  previewMerge,
  readProgress,
  STORAGE_KEY,
  unreadableText,
  writeProgress,
} from "../../exercises/progress.ts";
import { downloadProgress } from "./download-progress.ts";

interface Strings {
  none: string;
  draft: string;
  solved: string;
  preview: string;
  skipped: string;
  done: string;
  rejected: string;
  rejectedNewer: string;
  notWritten: string;
  damaged: string;
}

export function hydrateProgressPage(): void {
  const root = document.querySelector<HTMLElement>("[data-tl-progress]");
  if (!root) return;
  const t = JSON.parse(root.getAttribute("data-strings") ?? "{}") as Strings;
  const $ = <T extends HTMLElement>(s: string) => root.querySelector<T>(s);
  const message = $<HTMLElement>('[data-role="message"]');
  const preview = $<HTMLElement>('[data-role="import-preview"]');
  const previewText = $<HTMLElement>('[data-role="preview-text"]');
  const input = $<HTMLInputElement>('[data-action="import"]');
  if (!message || !preview || !previewText || !input) return;

  const damaged = $<HTMLElement>('[data-role="damaged"]');
  const render = () => {
    const progress = readProgress(localStorage);
    if (damaged) {
      damaged.hidden = unreadableText(localStorage) === null;
      damaged.textContent = t.damaged;
    }
    for (const item of root.querySelectorAll<HTMLElement>("li[data-exercise]")) {
      const entry = progress[item.getAttribute("data-exercise") ?? ""];
      const state = entry?.solved ? "solved" : entry?.draft !== undefined ? "draft" : "none";
      const status = item.querySelector<HTMLElement>('[data-role="status"]');
      if (status) {
        status.textContent = t[state];
        status.setAttribute("data-status", state);
      }
    }
  };
  render();
  window.addEventListener(CHANGE_EVENT, render);
  window.addEventListener("storage", (e) => {
    if (e.key === STORAGE_KEY || e.key === null) render();
  });
  root.setAttribute("data-ready", "true");

  $<HTMLButtonElement>('[data-action="export"]')?.addEventListener("click", () =>
    downloadProgress(),
  );
  const say = (text: string, result: string) => {
    message.textContent = text;
    message.setAttribute("data-result", result);
  };

  let incoming: Progress | null = null;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseProgressFile(await file.text());
    input.value = "";
    if (!parsed.ok) {
      incoming = null;
      preview.hidden = true;
      say(parsed.reason === "newer" ? t.rejectedNewer : t.rejected, `rejected-${parsed.reason}`);
      return;
    }
    incoming = parsed.file.exercises;
    const p = previewMerge(readProgress(localStorage), incoming);
    const skipped =
      parsed.skipped > 0 ? ` ${t.skipped.replace("{n}", String(parsed.skipped))}` : "";
    previewText.textContent =
      t.preview
        .replace("{added}", String(p.added.length))
        .replace("{updated}", String(p.updated.length))
        .replace("{unchanged}", String(p.unchanged.length))
        .replace("{solved}", String(p.newlySolved.length)) + skipped;
    say("", "preview");
    preview.hidden = false;
  });
  $<HTMLButtonElement>('[data-action="import-confirm"]')?.addEventListener("click", () => {
    if (!incoming) return;
    const written = writeProgress(
      localStorage,
      mergeProgress(readProgress(localStorage), incoming),
    );
    incoming = null;
    preview.hidden = true;
    if (written) say(t.done, "imported");
    else say(t.notWritten, "not-written");
    window.dispatchEvent(new Event(CHANGE_EVENT));
  });
  $<HTMLButtonElement>('[data-action="import-cancel"]')?.addEventListener("click", () => {
    incoming = null;
    preview.hidden = true;
  });
}
