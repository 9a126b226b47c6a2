// The progress page in the browser: shows each exercise's saved status, exports the progress
// as a JSON file, and imports one after a preview (merging per exercise; a bad or foreign file
// is rejected whole). Storage rules live in src/exercises/progress.ts.
import {
  CHANGE_EVENT,
  exportProgress,
  mergeProgress,
  type Progress,
  parseProgressFile,
  previewMerge,
  readProgress,
  writeProgress,
} from "../../exercises/progress.ts";

interface Strings {
  none: string;
  draft: string;
  solved: string;
  preview: string;
  done: string;
  rejected: string;
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

  const render = () => {
    const progress = readProgress(localStorage);
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
  root.setAttribute("data-ready", "true");

  $<HTMLButtonElement>('[data-action="export"]')?.addEventListener("click", () => {
    const file = exportProgress(readProgress(localStorage));
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `torchlit-progress-${file.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  let incoming: Progress | null = null;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseProgressFile(await file.text());
    input.value = "";
    if (!parsed.ok) {
      incoming = null;
      preview.hidden = true;
      message.textContent = t.rejected;
      message.setAttribute("data-result", "rejected");
      return;
    }
    incoming = parsed.file.exercises;
    const p = previewMerge(readProgress(localStorage), incoming);
    previewText.textContent = t.preview
      .replace("{added}", String(p.added.length))
      .replace("{updated}", String(p.updated.length))
      .replace("{unchanged}", String(p.unchanged.length))
      .replace("{solved}", String(p.newlySolved.length));
    message.textContent = "";
    preview.hidden = false;
  });
  $<HTMLButtonElement>('[data-action="import-confirm"]')?.addEventListener("click", () => {
    if (!incoming) return;
    writeProgress(localStorage, mergeProgress(readProgress(localStorage), incoming));
    incoming = null;
    preview.hidden = true;
    message.textContent = t.done;
    message.setAttribute("data-result", "imported");
    window.dispatchEvent(new Event(CHANGE_EVENT));
  });
  $<HTMLButtonElement>('[data-action="import-cancel"]')?.addEventListener("click", () => {
    incoming = null;
    preview.hidden = true;
  });
}
