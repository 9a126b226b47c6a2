// The autograd-graph figure in the browser: after the page's load event, once the figure nears
// the viewport, it loads the engine (model.ts) and the layout (view.ts, with dagre) and enables
// the controls. Drawing an expression (typed, a preset, a requires_grad or retain_graph toggle)
// runs it and its backward once in the engine; Step / Run all / Reset reveal that recorded
// backward node by node, and "backward() again" shows the engine's second backward.
import { rovingFocus } from "../shared/keyboard.ts";
import { loadWhenNear } from "../shared/lazy.ts";
import type { Name, Outcome, Run, Setup } from "./model.ts";
import type { AutogradGraphStrings } from "./view.ts";

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as AutogradGraphStrings;
  const setup = JSON.parse(root.dataset.setup ?? "{}") as Setup;
  const form = root.querySelector("form") as HTMLFormElement;
  const field = form.elements.namedItem("expr") as HTMLInputElement;
  const retain = form.elements.namedItem("retain") as HTMLInputElement;
  const box = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const button = (action: string) =>
    form.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  const graph = root.querySelector(".tl-ag-graph") as HTMLElement;
  const stepLine = root.querySelector(".tl-ag-step") as HTMLElement;
  const second = root.querySelector(".tl-ag-second") as HTMLElement;
  const leavesBox = root.querySelector(".tl-ag-leaves-box") as HTMLElement;
  const status = root.querySelector(".tl-status") as HTMLElement;
  const announce = root.querySelector(".tl-ag-announce") as HTMLElement;
  rovingFocus(graph, "[data-node]", () => 1);
  const loaded = await loadWhenNear(root, status, t, () =>
    Promise.all([import("./model.ts"), import("./view.ts")]),
  );
  if (!loaded) return;
  const [model, view] = loaded;

  let outcome: Outcome;
  let run: Run | null = null;
  let lay: ReturnType<typeof view.layout> | null = null;
  let step = 0;
  let again = false;
  const none = (): Run["grads"] =>
    Object.fromEntries(model.NAMES.map((k) => [k, null])) as Run["grads"];

  const show = (): void => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.node;
    if (run && lay) {
      const grads =
        again && "grads" in run.second ? run.second.grads : step > 0 ? current(run) : none();
      graph.innerHTML = view.renderGraph(run, lay, step, t, grads);
      leavesBox.innerHTML = view.renderLeaves(run, grads, t);
      stepLine.textContent = view.stepSentence(run, step, t);
      second.innerHTML = again ? view.renderSecond(run, setup.retain, t) : "";
      announce.textContent = again ? (second.textContent ?? "") : stepLine.textContent;
      if (focused !== undefined)
        graph.querySelector<HTMLElement>(`[data-node="${focused}"]`)?.focus();
    } else {
      graph.innerHTML = view.renderProblem(outcome, t);
      leavesBox.innerHTML = "";
      second.innerHTML = "";
      stepLine.textContent = "";
      announce.textContent = graph.textContent ?? "";
    }
    const total = run?.order.length ?? 0;
    button("step").disabled = !run || step >= total;
    button("all").disabled = !run || step >= total;
    button("reset").disabled = !run || (step === 0 && !again);
    button("again").disabled = !run || step < total || again;
  };
  /** Each leaf's .grad after `step` nodes: set once its AccumulateGrad has run. */
  const current = (r: Run): Run["grads"] => {
    const g = none();
    for (const s of r.order.slice(0, step)) {
      const leaf = r.nodes[s.id]?.leaf as Name | null | undefined;
      if (leaf) g[leaf] = r.grads[leaf];
    }
    return g;
  };
  const draw = (): void => {
    outcome = model.evaluate(setup);
    run = outcome.kind === "ok" ? outcome.run : null;
    lay = run ? view.layout(run, t) : null;
    step = 0;
    again = false;
    root.dataset.setup = JSON.stringify(setup);
    show();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setup.expr = field.value;
    draw();
  });
  for (const k of model.NAMES) {
    box(`rg-${k}`).addEventListener("change", () => {
      setup.requires[k] = box(`rg-${k}`).checked;
      setup.expr = field.value;
      draw();
    });
  }
  retain.addEventListener("change", () => {
    setup.retain = retain.checked;
    setup.expr = field.value;
    draw();
  });
  for (const b of form.querySelectorAll<HTMLButtonElement>("[data-preset]")) {
    b.addEventListener("click", () => {
      const p = JSON.parse(b.dataset.preset ?? "{}") as Pick<Setup, "expr" | "requires">;
      setup.expr = p.expr;
      setup.requires = { ...p.requires };
      field.value = p.expr;
      for (const k of model.NAMES) box(`rg-${k}`).checked = p.requires[k];
      draw();
    });
  }
  button("step").addEventListener("click", () => {
    step++;
    show();
  });
  button("all").addEventListener("click", () => {
    step = run?.order.length ?? 0;
    show();
  });
  button("reset").addEventListener("click", () => {
    step = 0;
    again = false;
    show();
    button("step").focus();
  });
  button("again").addEventListener("click", () => {
    again = true;
    show();
    button("reset").focus();
  });
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>("input, button"))
    el.disabled = false;
  draw();
  form.dataset.ready = "true";
}

export function hydrateAutogradGraph(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="autograd-graph"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
