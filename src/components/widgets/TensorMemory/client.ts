// The tensor-memory figure in the browser: after the page's load event, once the figure nears
// the viewport, it loads the engine (model.ts) and enables the controls; each expression the
// reader submits or picks is evaluated by the engine and redrawn. Hovering or focusing an
// element highlights its storage cell and back.
import { rovingFocus } from "../shared/keyboard.ts";
import { loadWhenNear } from "../shared/lazy.ts";
import type { TensorMemoryStrings } from "./view.ts";

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as TensorMemoryStrings;
  const form = root.querySelector("form") as HTMLFormElement;
  const body = root.querySelector(".tl-tm-body") as HTMLElement;
  const status = root.querySelector(".tl-tm-status") as HTMLElement;
  const announce = root.querySelector(".tl-tm-announce") as HTMLElement;
  const input = form.elements.namedItem("expression") as HTMLInputElement;
  const base = form.elements.namedItem("base") as HTMLSelectElement;
  linkHover(body);
  rovingFocus(body, ".tl-tm-el, .tl-tm-cell", () => {
    // Arrow keys move through the grid by its columns.
    const cols = body.querySelector<HTMLElement>(".tl-blocks")?.dataset.cols;
    return Number(cols ?? 1);
  });
  const loaded = await loadWhenNear(root, status, t, () =>
    Promise.all([import("./model.ts"), import("./view.ts")]),
  );
  if (!loaded) return;
  const [model, view] = loaded;
  const show = (expression: string): void => {
    body.innerHTML = view.renderOutcome(model.evaluate(base.value, expression), expression, t);
    root.dataset.expression = expression;
    // Screen readers hear the outcome in one sentence, not the whole redrawn figure.
    const said = body.querySelectorAll(
      ".tl-tm-summary, .tl-tm-error pre, .tl-tm-mismatch, p.tl-tm-error",
    );
    announce.textContent = [...said].map((el) => el.textContent).join(" ");
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(input.value);
  });
  base.addEventListener("change", () => show(input.value));
  for (const b of form.querySelectorAll<HTMLButtonElement>("[data-expression]")) {
    b.addEventListener("click", () => {
      input.value = b.dataset.expression ?? "x";
      show(input.value);
    });
  }
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>(
    "input, button, select",
  ))
    el.disabled = false;
  form.dataset.ready = "true";
}

/** Hover or focus on an element or a storage cell marks everything with the same cell number. */
function linkHover(body: HTMLElement): void {
  const mark = (cell: string | undefined): void => {
    for (const el of body.querySelectorAll<HTMLElement>(".is-hot")) el.classList.remove("is-hot");
    if (cell === undefined) return;
    for (const el of body.querySelectorAll<HTMLElement>(`[data-cell="${cell}"]`))
      el.classList.add("is-hot");
  };
  const cellOf = (e: Event): string | undefined =>
    (e.target as HTMLElement).closest<HTMLElement>("[data-cell]")?.dataset.cell;
  body.addEventListener("pointerover", (e) => mark(cellOf(e)));
  body.addEventListener("pointerleave", () => mark(undefined));
  body.addEventListener("focusin", (e) => mark(cellOf(e)));
  body.addEventListener("focusout", () => mark(undefined));
}

export function hydrateTensorMemory(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="tensor-memory"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
