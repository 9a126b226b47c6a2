// Marks sidebar links of lessons where the reader solved at least one exercise, from the
// progress in localStorage; refreshes when progress changes in this tab or another one.
// Client only, and cosmetic: it never changes links or navigation.
import { CHANGE_EVENT, readProgress, STORAGE_KEY } from "../../exercises/progress.ts";

function refresh(): void {
  const solved = new Set(
    Object.values(readProgress(localStorage))
      .filter((p) => p.solved)
      .map((p) => p.lesson),
  );
  const label =
    document.querySelector("[data-tl-solved-label]")?.getAttribute("data-tl-solved-label") ?? "";
  for (const link of document.querySelectorAll<HTMLAnchorElement>("#starlight__sidebar a[href]")) {
    const slug = new URL(link.href).pathname.replace(/\/$/, "").split("/").pop() ?? "";
    const existing = link.querySelector(".tl-solved-mark");
    if (solved.has(slug) && !existing) {
      const mark = document.createElement("span");
      mark.className = "tl-solved-mark";
      mark.setAttribute("data-lesson", slug);
      mark.innerHTML = `<span aria-hidden="true"> ✓</span><span class="sr-only"> ${label}</span>`;
      link.append(mark);
    } else if (!solved.has(slug)) existing?.remove();
  }
}

export function markSolvedLessons(): void {
  refresh();
  window.addEventListener(CHANGE_EVENT, refresh);
  window.addEventListener("storage", (e) => {
    if (e.key === STORAGE_KEY) refresh();
  });
}
