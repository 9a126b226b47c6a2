// The Jacobian figure in the browser: after the page's load event, once the figure nears the
// viewport, it loads the engine (model.ts) and enables the controls. The reader moves x and v
// by dragging their handles, with the arrow keys on a focused handle, or in the number fields,
// picks f, or sets v to e1 or e2; every change is run by the engine and redrawn.
import { loadWhenNear } from "../shared/lazy.ts";
import type { Pair, State } from "./model.ts";
import type { JacobianStrings } from "./view.ts";

const KEYS: Record<string, Pair> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as JacobianStrings;
  const state = JSON.parse(root.dataset.state ?? "{}") as State;
  const form = root.querySelector("form") as HTMLFormElement;
  const body = root.querySelector(".tl-jac-body") as HTMLElement;
  const status = root.querySelector(".tl-status") as HTMLElement;
  const announce = root.querySelector(".tl-jac-announce") as HTMLElement;
  const select = form.elements.namedItem("fn") as HTMLSelectElement;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const loaded = await loadWhenNear(root, status, t, () =>
    Promise.all([import("./model.ts"), import("./view.ts")]),
  );
  if (!loaded) return;
  const [model, view] = loaded;

  /** Redraws from `state`; `focus` names the handle to keep focused across the redraw. */
  const show = (focus?: string): void => {
    const outcome = model.evaluate(state);
    body.innerHTML = view.renderBody(outcome, t, true);
    root.dataset.state = JSON.stringify(state);
    for (const [name, i] of [
      ["x", 0],
      ["x", 1],
      ["v", 0],
      ["v", 1],
    ] as const) {
      const input = field(`${name}${i}`);
      if (input !== document.activeElement || Number(input.value) !== state[name][i])
        input.value = String(state[name][i]);
    }
    select.value = state.fn;
    announce.textContent = view.announcement(outcome, t);
    if (focus) body.querySelector<SVGGElement>(`[data-handle="${focus}"]`)?.focus();
  };
  const set = (name: "x" | "v", p: Pair, focus?: string): void => {
    const next: Pair = [model.snap(p[0]), model.snap(p[1])];
    if (next[0] === state[name][0] && next[1] === state[name][1]) return;
    state[name] = next;
    show(focus);
  };

  select.addEventListener("change", () => {
    state.fn = select.value as State["fn"];
    show();
  });
  for (const name of ["x", "v"] as const)
    for (const i of [0, 1]) {
      const input = field(`${name}${i}`);
      input.addEventListener("input", () => {
        const n = Number(input.value);
        if (input.value.trim() === "" || !Number.isFinite(n)) return;
        const p: Pair = [...state[name]];
        p[i] = n;
        set(name, p);
      });
      // A value off the grid is snapped once the field is left.
      input.addEventListener("change", () => {
        input.value = String(state[name][i]);
      });
    }
  for (const b of form.querySelectorAll<HTMLButtonElement>("[data-onehot]"))
    b.addEventListener("click", () => set("v", b.dataset.onehot === "1" ? [1, 0] : [0, 1]));

  // Arrow keys on a focused handle move it one grid step.
  body.addEventListener("keydown", (event) => {
    const h = (event.target as Element).closest<SVGGElement>("[data-handle]");
    const d = KEYS[event.key];
    if (!h || !d) return;
    event.preventDefault();
    const name = h.dataset.handle as "x" | "v";
    set(name, [state[name][0] + d[0] * model.STEP, state[name][1] + d[1] * model.STEP], name);
  });

  // Dragging: the body keeps the pointer while the planes are redrawn under it.
  let dragging: "x" | "v" | null = null;
  const planeCoords = (event: PointerEvent): Pair | null => {
    const svg = body.querySelector<SVGSVGElement>(
      `svg[data-plane="${dragging === "x" ? "in" : "out"}"]`,
    );
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return null;
    const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    const frame =
      dragging === "x"
        ? view.inputFrame()
        : (JSON.parse(svg.dataset.frame ?? "{}") as ReturnType<typeof view.inputFrame>);
    return view.toPlane(frame, pt.x, pt.y);
  };
  body.addEventListener("pointerdown", (event) => {
    const h = (event.target as Element).closest<SVGGElement>("[data-handle]");
    if (!h) return;
    event.preventDefault();
    dragging = h.dataset.handle as "x" | "v";
    body.setPointerCapture(event.pointerId);
    h.focus();
  });
  body.addEventListener("pointermove", (event) => {
    if (!dragging) return;
    const p = planeCoords(event);
    if (!p) return;
    if (dragging === "x") set("x", p, "x");
    else {
      // v is drawn from f(x): the tip's position less f(x), read from the frame's centre.
      const svg = body.querySelector<SVGSVGElement>('svg[data-plane="out"]');
      const f = JSON.parse(svg?.dataset.frame ?? "{}") as { cx: number; cy: number };
      set("v", [p[0] - f.cx, p[1] - f.cy], "v");
    }
  });
  const stop = (event: PointerEvent): void => {
    if (!dragging) return;
    dragging = null;
    if (body.hasPointerCapture(event.pointerId)) body.releasePointerCapture(event.pointerId);
  };
  body.addEventListener("pointerup", stop);
  body.addEventListener("pointercancel", stop);

  form.addEventListener("submit", (event) => event.preventDefault());
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>(
    "input, button, select",
  ))
    el.disabled = false;
  show();
  form.dataset.ready = "true";
}

export function hydrateJacobian(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="jacobian"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
