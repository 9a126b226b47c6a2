// Saves the reader's progress as a file (the progress page's Export, and an exercise's
// "Export now" when the browser refused to save): everything readable, the unreadable part as
// text, and optionally entries the store could not take (the draft being typed), merged in.
import {
  exportProgress,
  mergeProgress,
  type Progress,
  readProgress,
  unreadableText,
} from "../../exercises/progress.ts";

export function downloadProgress(unsaved: Progress = {}): void {
  const file = exportProgress(
    mergeProgress(readProgress(localStorage), unsaved),
    new Date(),
    unreadableText(localStorage),
  );
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `torchlit-progress-${file.exportedAt.slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
