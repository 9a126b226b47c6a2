// The broadcasting figure in the browser: after the page's load event, once the figure nears
// the viewport, it loads the engine (model.ts) and enables the controls; every edit of a shape
// (a size typed or stepped, a dim added or dropped, a preset, the in-place toggle) is run by
// the engine and redrawn. Hovering or focusing a value marks the elements it combines.
import { rovingFocus } from "../shared/keyboard.ts";
import { loadWhenNear } from "../shared/lazy.ts";
import type { Shapes } from "./model.ts";
import type { BroadcastingStrings } from "./view.ts";

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as BroadcastingStrings;
  const shapes = JSON.parse(root.dataset.shapes ?? "{}") as Shapes;
  const form = root.querySelector("form") as HTMLFormElement;
  const editors = root.querySelector(".tl-bc-editors") as HTMLElement;
  const inplace = form.elements.namedItem("inplace") as HTMLInputElement;
  const body = root.querySelector(".tl-bc-body") as HTMLElement;
  const status = root.querySelector(".tl-status") as HTMLElement;
  const announce = root.querySelector(".tl-bc-announce") as HTMLElement;
  linkHover(body);
  rovingFocus(body, ".tl-bc-el", () =>
    Number(body.querySelector<HTMLElement>(".tl-blocks")?.dataset.cols ?? 1),
  );
  const loaded = await loadWhenNear(root, status, t, () =>
    Promise.all([import("./model.ts"), import("./view.ts")]),
  );
  if (!loaded) return;
  const [model, view] = loaded;

  const show = (): void => {
    body.innerHTML = view.renderOutcome(model.evaluate(shapes), t);
    root.dataset.shapes = JSON.stringify(shapes);
    // Screen readers hear the outcome in a sentence or two, not the whole redrawn figure.
    const said = body.querySelectorAll(
      ".tl-bc-summary, .tl-bc-error pre, .tl-bc-why, p.tl-bc-error",
    );
    announce.textContent = [...said].map((el) => el.textContent).join(" ");
  };
  /** Redraws the shape editors, keeping focus on the control that had it (or its neighbour). */
  const drawEditors = (focus?: { action: string; operand: string }): void => {
    editors.innerHTML =
      view.renderEditor("a", shapes.a, t, false) + view.renderEditor("b", shapes.b, t, false);
    if (!focus) return;
    const sel = (action: string) =>
      editors.querySelector<HTMLButtonElement>(
        `button[data-action="${action}"][data-operand="${focus.operand}"]`,
      );
    const target = sel(focus.action);
    (target && !target.disabled ? target : sel(focus.action === "add" ? "drop" : "add"))?.focus();
  };

  editors.addEventListener("input", (event) => {
    const field = event.target as HTMLInputElement;
    const operand = field.dataset.operand as "a" | "b" | undefined;
    if (!operand) return;
    // An empty or partial field is not a size: the model says what the figure takes.
    const n = field.value.trim() === "" ? Number.NaN : Number(field.value);
    shapes[operand][Number(field.dataset.dim)] = n;
    show();
  });
  editors.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]");
    if (!button) return;
    const operand = button.dataset.operand as "a" | "b";
    const action = button.dataset.action as string;
    if (action === "add") shapes[operand].unshift(1);
    else shapes[operand].shift();
    drawEditors({ action, operand });
    show();
  });
  inplace.addEventListener("change", () => {
    shapes.inplace = inplace.checked;
    show();
  });
  for (const b of form.querySelectorAll<HTMLButtonElement>("[data-preset]")) {
    b.addEventListener("click", () => {
      const p = JSON.parse(b.dataset.preset ?? "{}") as Shapes;
      shapes.a = [...p.a];
      shapes.b = [...p.b];
      shapes.inplace = p.inplace;
      inplace.checked = p.inplace;
      drawEditors();
      show();
    });
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>("input, button"))
    el.disabled = false;
  // Drawn after enabling, so that a button with nothing to do (no dim to drop) stays disabled.
  drawEditors();
  form.dataset.ready = "true";
}

/**
 * Hover or focus on a value marks the same position in all three grids (the two elements a
 * result element adds), and in each operand's grid every cell that reads the same element.
 */
function linkHover(body: HTMLElement): void {
  const mark = (el: HTMLElement | null): void => {
    for (const m of body.querySelectorAll<HTMLElement>(".is-hot, .is-same"))
      m.classList.remove("is-hot", "is-same");
    if (!el) return;
    const pos = el.dataset.pos;
    for (const m of body.querySelectorAll<HTMLElement>(`.tl-bc-el[data-pos="${pos}"]`)) {
      m.classList.add("is-hot");
      for (const same of body.querySelectorAll<HTMLElement>(
        `.tl-bc-el[data-src="${m.dataset.src}"]`,
      ))
        if (same.closest("[data-role]")?.getAttribute("data-role") !== "c")
          same.classList.add("is-same");
    }
  };
  const at = (e: Event): HTMLElement | null =>
    (e.target as HTMLElement).closest<HTMLElement>(".tl-bc-el");
  body.addEventListener("pointerover", (e) => mark(at(e)));
  body.addEventListener("pointerleave", () => mark(null));
  body.addEventListener("focusin", (e) => mark(at(e)));
  body.addEventListener("focusout", () => mark(null));
}

export function hydrateBroadcasting(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="broadcasting"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
