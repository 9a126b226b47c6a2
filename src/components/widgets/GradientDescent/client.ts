// The gradient-descent figure in the browser: after the page's load event, once the figure
// nears the viewport, it loads the engine (model.ts) and enables the controls. A change of
// surface, learning rate, mini-batch size, momentum or steps reruns the program with the engine
// and keeps every other setting; the step slider, the arrow keys on the focused loss chart and
// hovering over it pick the step shown, which only redraws.
import { fill } from "../shared/html.ts";
import { loadWhenNear } from "../shared/lazy.ts";
import type { Grid, Outcome, Settings, SurfaceName } from "./model.ts";
import type { GradientDescentStrings, ViewState } from "./view.ts";

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as GradientDescentStrings;
  const settings = JSON.parse(root.dataset.state ?? "{}") as Settings;
  const form = root.querySelector("form") as HTMLFormElement;
  const body = root.querySelector(".tl-gd-body") as HTMLElement;
  const status = root.querySelector(".tl-status") as HTMLElement;
  const announce = root.querySelector(".tl-gd-announce") as HTMLElement;
  const el = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
  const scrub = el<HTMLInputElement>("step");
  const scrubOut = el<HTMLOutputElement>("stepOut");
  const loaded = await loadWhenNear(root, status, t, () =>
    Promise.all([import("./model.ts"), import("./view.ts")]),
  );
  if (!loaded) return;
  const [model, view] = loaded;

  const v: ViewState = { step: settings.steps, logScale: false };
  const grids = new Map<SurfaceName, Grid>();
  const gridOf = (s: SurfaceName): Grid => {
    let g = grids.get(s);
    if (!g) {
      g = model.lossGrid(s);
      grids.set(s, g);
    }
    return g;
  };
  let outcome: Outcome = model.evaluate(settings);

  /** Redraws from the outcome and the view; keeps focus on the loss chart if it had it. */
  const draw = (): void => {
    const chartFocused = document.activeElement?.closest?.('[data-plot="loss"]') != null;
    body.innerHTML = view.renderBody(outcome, gridOf(settings.surface), t, v, true);
    const text = fill(t.scrubValue, { step: v.step, steps: settings.steps });
    scrub.max = String(settings.steps);
    scrub.value = String(v.step);
    scrub.setAttribute("aria-valuetext", text);
    scrubOut.textContent = text;
    root.dataset.state = JSON.stringify(settings);
    root.dataset.step = String(v.step);
    announce.textContent = view.announcement(outcome, t, v.step);
    if (chartFocused) body.querySelector<SVGSVGElement>('[data-plot="loss"]')?.focus();
  };
  const rerun = (): void => {
    outcome = model.evaluate(settings);
    draw();
  };
  const setStep = (k: number): void => {
    const next = Math.max(0, Math.min(settings.steps, Math.round(k)));
    if (next === v.step) return;
    v.step = next;
    draw();
  };

  el<HTMLSelectElement>("surface").addEventListener("change", (e) => {
    settings.surface = (e.target as HTMLSelectElement).value as SurfaceName;
    rerun();
  });
  el<HTMLSelectElement>("batchSize").addEventListener("change", (e) => {
    settings.batchSize = Number((e.target as HTMLSelectElement).value);
    rerun();
  });
  // A number field the engine can run changes the program; anything else is named in the
  // status line and leaves the figure at the last valid value.
  const numberField = (name: "lr" | "momentum", label: string, range: [number, number]) => {
    const input = el<HTMLInputElement>(name);
    input.addEventListener("input", () => {
      const n = Number(input.value);
      if (input.value.trim() === "" || !(n >= range[0] && n <= range[1])) {
        status.textContent = fill(t.invalid, { name: label, min: range[0], max: range[1] });
        return;
      }
      status.textContent = "";
      if (n === settings[name]) return;
      settings[name] = n;
      rerun();
    });
    input.addEventListener("change", () => {
      input.value = String(settings[name]);
      status.textContent = "";
    });
  };
  numberField("lr", t.lr, model.LR_RANGE);
  numberField("momentum", t.momentum, model.MOMENTUM_RANGE);
  const stepsInput = el<HTMLInputElement>("steps");
  stepsInput.addEventListener("input", () => {
    const n = Number(stepsInput.value);
    if (!Number.isInteger(n) || n < 1 || n > model.MAX_STEPS) {
      status.textContent = fill(t.invalidSteps, { max: model.MAX_STEPS });
      return;
    }
    status.textContent = "";
    if (n === settings.steps) return;
    // The step shown stays where it was; at the end, it follows the end.
    const atEnd = v.step === settings.steps;
    settings.steps = n;
    v.step = atEnd ? n : Math.min(v.step, n);
    rerun();
  });
  stepsInput.addEventListener("change", () => {
    stepsInput.value = String(settings.steps);
    status.textContent = "";
  });
  el<HTMLInputElement>("logScale").addEventListener("change", (e) => {
    v.logScale = (e.target as HTMLInputElement).checked;
    draw();
  });
  scrub.addEventListener("input", () => setStep(Number(scrub.value)));

  // The loss chart: arrow keys, Home and End pick the step; so does the pointer over it.
  body.addEventListener("keydown", (event) => {
    if (!(event.target as Element).closest?.('[data-plot="loss"]')) return;
    const moves: Record<string, number> = {
      ArrowRight: v.step + 1,
      ArrowUp: v.step + 1,
      ArrowLeft: v.step - 1,
      ArrowDown: v.step - 1,
      PageUp: v.step + 10,
      PageDown: v.step - 10,
      Home: 0,
      End: settings.steps,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setStep(moves[event.key] as number);
  });
  body.addEventListener("pointermove", (event) => {
    const svg = (event.target as Element).closest?.<SVGSVGElement>('[data-plot="loss"]');
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return;
    const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    setStep(view.chartStep(settings.steps, pt.x));
  });

  form.addEventListener("submit", (event) => event.preventDefault());
  for (const c of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select"))
    c.disabled = false;
  draw();
  form.dataset.ready = "true";
}

export function hydrateGradientDescent(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="gradient-descent"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
