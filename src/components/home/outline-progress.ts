// Fills in the home page outline's "k of n solved" from the progress saved in this browser,
// and keeps it current when progress changes in this tab or another one. Client only.
import { CHANGE_EVENT, readProgress, STORAGE_KEY } from "../../exercises/progress.ts";
import type { UiStrings } from "../../i18n/strings.ts";

function refresh(root: HTMLElement, t: UiStrings["home"]): void {
  let progress: ReturnType<typeof readProgress> = {};
  try {
    progress = readProgress(localStorage);
  } catch {
    // Storage blocked: the outline keeps its counts without the solved part.
  }
  for (const lesson of root.querySelectorAll<HTMLElement>("li[data-lesson]")) {
    const ids = (lesson.getAttribute("data-exercises") ?? "").split(" ").filter(Boolean);
    const solved = ids.filter((id) => progress[id]?.solved).length;
    const label = lesson.querySelector<HTMLElement>('[data-role="solved"]');
    const all = lesson.querySelector<HTMLElement>('[data-role="all-solved"]');
    if (!label || !all) continue;
    label.hidden = solved === 0;
    label.textContent =
      solved === 0
        ? ""
        : t.solved.replace("{k}", String(solved)).replace("{n}", String(ids.length));
    const complete = ids.length > 0 && solved === ids.length;
    all.hidden = !complete;
    lesson.toggleAttribute("data-complete", complete);
  }
}

export function showOutlineProgress(): void {
  const root = document.querySelector<HTMLElement>(".tl-outline");
  if (!root) return;
  const t = JSON.parse(root.getAttribute("data-strings") ?? "{}") as UiStrings["home"];
  const update = () => refresh(root, t);
  update();
  window.addEventListener(CHANGE_EVENT, update);
  window.addEventListener("storage", (e) => {
    if (e.key === STORAGE_KEY) update();
  });
}
