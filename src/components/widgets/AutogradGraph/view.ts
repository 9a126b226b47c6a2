// The autograd-graph figure's markup, as HTML/SVG strings (the same code draws the first paint at
// build time and every update in the browser): the grad_fn DAG laid out by dagre (boxes for the
// nodes, the output, each leaf tensor under its AccumulateGrad, None edges), the gradients that
// have flowed after `step` nodes of the recorded backward, the step's sentence, and the leaves.
// It shows the model's record only; it computes no gradient.
import dagre from "@dagrejs/dagre";
import { esc, fill } from "../shared/html.ts";
import { flows, type GraphNode, inner, NAMES, type Name, type Outcome, type Run } from "./model.ts";

export interface AutogradGraphStrings {
  title: string;
  expression: string;
  draw: string;
  presets: string;
  requiresGrad: string;
  step: string;
  runAll: string;
  reset: string;
  retain: string;
  again: string;
  graphLabel: string;
  output: string;
  rootOf: string;
  nonLeaf: string;
  leaf: string;
  accumulates: string;
  ran: string;
  running: string;
  ready: string;
  stepText: string;
  stepAcc: string;
  sendsTo: string;
  nothingTo: string;
  listSeparator: string;
  done: string;
  leaves: string;
  none: string;
  secondOk: string;
  secondRetained: string;
  secondNoSaved: string;
  secondError: string;
  syntax: string;
  error: string;
  nodeLabel: string;
  loading: string;
  failed: string;
}

const CHAR = 7.3;
const LINE = 16;

interface Box {
  key: string;
  lines: string[];
  kind: "fn" | "acc" | "leaf" | "out" | "none";
  id?: number;
}

interface Layout {
  width: number;
  height: number;
  boxes: Map<string, { x: number; y: number; w: number; h: number }>;
  edges: { from: string; to: string; name: string; points: { x: number; y: number }[] }[];
  labels: Map<string, { x: number; y: number }>;
}

const fnKey = (id: number) => `n${id}`;

/** The step (1-based) at which node `id` ran, or 0. */
const stepOf = (run: Run, id: number): number => run.order.findIndex((s) => s.id === id) + 1;

/** What node `id` received, as a sum where several paths meet: "-0.4161 + 3. = 2.5839". */
export function received(run: Run, id: number): string {
  const s = run.order.find((o) => o.id === id);
  if (!s) return "";
  const total = inner(s.gradOutputs[0] ?? null);
  const parts = flows(run)
    .filter((f) => f.to === id)
    .map((f) => inner(f.grad));
  return parts.length > 1 ? `${parts.join(" + ")} = ${total}` : total;
}

function nodeName(run: Run, id: number): string {
  const n = run.nodes[id] as GraphNode;
  return n.leaf ? `${n.name} (${n.leaf})` : n.name;
}

/** The boxes at step `step` (0: nothing ran yet); `full` gives the widest texts for the layout. */
function boxes(run: Run, step: number, t: AutogradGraphStrings, grads: Run["grads"]): Box[] {
  const out: Box[] = [
    {
      key: "out",
      kind: "out",
      lines: [`y = ${inner(run.result)}`, t.output],
    },
  ];
  for (const n of run.nodes) {
    const at = stepOf(run, n.id);
    const ran = at > 0 && at <= step;
    const role =
      n.leaf !== null ? fill(t.accumulates, { name: n.leaf }) : n.id === 0 ? t.rootOf : t.nonLeaf;
    const lines = [n.name, role];
    lines.push(
      ran ? fill(at === step ? t.running : t.ran, { n: at, grad: received(run, n.id) }) : "",
    );
    out.push({ key: fnKey(n.id), kind: n.leaf ? "acc" : "fn", id: n.id, lines });
    n.next.forEach((e, slot) => {
      if (!e) out.push({ key: `none${n.id}-${slot}`, kind: "none", lines: ["None", t.none] });
    });
    if (n.leaf) {
      const g = ran ? grads[n.leaf] : null;
      out.push({
        key: `leaf-${n.leaf}`,
        kind: "leaf",
        lines: [`${n.leaf} = ${inner(run.leaves[n.leaf])}`, t.leaf, `.grad = ${inner(g)}`],
      });
    }
  }
  return out;
}

/** A line's width in the SVG's monospace font: CJK characters take about two columns. */
const textWidth = (l: string): number =>
  [...l].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1.75 : 1), 0) * CHAR;
const widthOf = (lines: string[]) => Math.max(...lines.map(textWidth)) + 20;

/** Lays the graph out with dagre, sizing each box for its widest text over the whole stepper. */
export function layout(run: Run, t: AutogradGraphStrings): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 34, edgesep: 12, marginx: 4, marginy: 4 });
  const last = boxes(run, run.order.length, t, run.grads);
  const again = "second" in run && "grads" in run.second ? run.second.grads : run.grads;
  const widest = boxes(run, run.order.length, t, again);
  last.forEach((b, i) => {
    const lines = [...b.lines, ...(widest[i]?.lines ?? [])];
    g.setNode(b.key, { width: widthOf(lines), height: b.lines.length * LINE + 10 });
  });
  const edges: { from: string; to: string; name: string; label: string }[] = [];
  if (run.nodes.length > 0) edges.push({ from: "out", to: fnKey(0), name: "root", label: "1." });
  for (const n of run.nodes) {
    n.next.forEach((e, slot) => {
      const to = e ? fnKey(e[0]) : `none${n.id}-${slot}`;
      edges.push({ from: fnKey(n.id), to, name: `${n.id}-${slot}`, label: "-0.0000" });
    });
    if (n.leaf) edges.push({ from: fnKey(n.id), to: `leaf-${n.leaf}`, name: "leaf", label: "" });
  }
  for (const e of edges) {
    const label = run.order.flatMap((s) => [...s.gradInputs, ...s.gradOutputs]);
    const w = Math.max(5, ...label.map((l) => inner(l).length)) * CHAR + 8;
    g.setEdge(
      e.from,
      e.to,
      { width: e.label ? w : 0, height: e.label ? LINE : 0, labelpos: "c" },
      e.name,
    );
  }
  dagre.layout(g);
  const boxesOut = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const key of g.nodes()) {
    const n = g.node(key);
    boxesOut.set(key, { x: n.x, y: n.y, w: n.width, h: n.height });
  }
  const edgesOut: Layout["edges"] = [];
  const labels = new Map<string, { x: number; y: number }>();
  for (const e of g.edges()) {
    const d = g.edge(e);
    const name = e.name ?? "";
    edgesOut.push({ from: e.v, to: e.w, name, points: d.points ?? [] });
    if (d.x !== undefined && d.y !== undefined)
      labels.set(`${e.v}>${e.w}>${name}`, { x: d.x, y: d.y });
  }
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    boxes: boxesOut,
    edges: edgesOut,
    labels,
  };
}

/** The gradient on each edge once it has flowed (after `step` nodes ran). */
function edgeGrads(run: Run, step: number): Map<string, string> {
  const m = new Map<string, string>();
  if (step >= 1 && run.nodes.length > 0)
    m.set(`out>${fnKey(0)}>root`, inner(run.order[0]?.gradOutputs[0] ?? null));
  for (const f of flows(run)) {
    if (f.step < step) m.set(`${fnKey(f.from)}>${fnKey(f.to)}>${f.from}-${f.slot}`, inner(f.grad));
  }
  run.order.forEach((s, i) => {
    const n = run.nodes[s.id] as GraphNode;
    if (n.leaf && i < step)
      m.set(`${fnKey(n.id)}>leaf-${n.leaf}>leaf`, inner(s.gradOutputs[0] ?? null));
  });
  return m;
}

/** The sentence for the current step. */
export function stepSentence(run: Run, step: number, t: AutogradGraphStrings): string {
  if (step === 0) return fill(t.ready, { n: run.order.length });
  const s = run.order[step - 1];
  if (!s) return "";
  const n = run.nodes[s.id] as GraphNode;
  const head = { n: step, total: run.order.length, name: n.name, grad: received(run, s.id) };
  if (n.leaf) return fill(t.stepAcc, { ...head, leaf: n.leaf, value: run.grads[n.leaf] ?? "None" });
  const sends = n.next
    .map((e, slot) =>
      e
        ? fill(t.sendsTo, { grad: inner(s.gradInputs[slot] ?? null), to: nodeName(run, e[0]) })
        : t.nothingTo,
    )
    .join(t.listSeparator);
  const text = fill(t.stepText, { ...head, sends });
  return step === run.order.length ? `${text} ${t.done}` : text;
}

function nodeAria(run: Run, n: GraphNode, step: number, t: AutogradGraphStrings): string {
  const at = stepOf(run, n.id);
  const s = run.order[at - 1];
  const next = n.next.map((e) => (e ? nodeName(run, e[0]) : "None")).join(", ");
  const flowed =
    s && at <= step
      ? ` ${fill(t.ran, { n: at, grad: received(run, n.id) })}; ${s.gradInputs.map(inner).join(", ")}`
      : "";
  return `${fill(t.nodeLabel, { name: nodeName(run, n.id), next: next || "()" })}${flowed}`;
}

/** The graph as SVG after `step` nodes ran; `grads` is what the leaves' .grad holds now. */
export function renderGraph(
  run: Run,
  lay: Layout,
  step: number,
  t: AutogradGraphStrings,
  grads: Run["grads"] = run.grads,
): string {
  const active = run.order[step - 1]?.id;
  const shown = edgeGrads(run, step);
  const paths = lay.edges
    .map((e) => {
      const d = e.points
        .map((p, i) => `${i ? "L" : "M"}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
        .join(" ");
      const key = `${e.from}>${e.to}>${e.name}`;
      const grad = shown.get(key);
      const pos = lay.labels.get(key);
      const label =
        grad !== undefined && pos
          ? `<g class="tl-ag-grad"><rect x="${(pos.x - (grad.length * CHAR + 8) / 2).toFixed(1)}" y="${(pos.y - LINE / 2).toFixed(1)}" width="${(grad.length * CHAR + 8).toFixed(1)}" height="${LINE}" rx="3"/><text x="${pos.x.toFixed(1)}" y="${(pos.y + 4).toFixed(1)}">${esc(grad)}</text></g>`
          : "";
      return `<path class="tl-ag-edge${grad !== undefined ? " is-flowed" : ""}" d="${d}" marker-end="url(#tl-ag-arrow)"/>${label}`;
    })
    .join("");
  const nodes = boxes(run, step, t, grads)
    .map((b) => {
      const p = lay.boxes.get(b.key);
      if (!p) return "";
      const x = p.x - p.w / 2;
      const y = p.y - p.h / 2;
      const cls = `tl-ag-box is-${b.kind}${b.id !== undefined && b.id === active ? " is-active" : ""}`;
      const text = b.lines
        .map(
          (l, i) =>
            `<text x="${p.x.toFixed(1)}" y="${(y + 17 + i * LINE).toFixed(1)}"${i === 0 ? ' class="tl-ag-name"' : ""}>${esc(l)}</text>`,
        )
        .join("");
      const n = b.id !== undefined ? run.nodes[b.id] : undefined;
      const focus = n
        ? ` tabindex="-1" role="img" data-node="${n.id}" aria-label="${esc(nodeAria(run, n, step, t))}"`
        : "";
      return `<g class="${cls}"${focus}><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${p.w.toFixed(1)}" height="${p.h.toFixed(1)}" rx="${b.kind === "leaf" || b.kind === "out" ? 10 : 3}"/>${text}</g>`;
    })
    .join("");
  // Scaled down to the column's width, but not below 80 %: beyond that the figure scrolls.
  const size = `width:100%;max-width:${lay.width}px;min-width:${Math.round(lay.width * 0.8)}px`;
  return `<svg class="tl-ag-svg" viewBox="0 0 ${lay.width} ${lay.height}" style="${size}" role="group" aria-label="${esc(t.graphLabel)}"><defs><marker id="tl-ag-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>${paths}${nodes}</svg>`;
}

/** The leaves: each one's repr and its .grad now. */
export function renderLeaves(run: Run, grads: Run["grads"], t: AutogradGraphStrings): string {
  const rows = NAMES.map(
    (k: Name) =>
      `<li><code>${esc(k)} = ${esc(run.leaves[k])}</code> <code>${esc(k)}.grad = ${esc(grads[k] ?? "None")}</code></li>`,
  ).join("");
  return `<p class="tl-label">${esc(t.leaves)}</p><ul class="tl-ag-leaves">${rows}</ul><p><code>y = ${esc(run.result)}</code></p>`;
}

/** The outcome of a second backward(), with what it means. */
export function renderSecond(run: Run, retain: boolean, t: AutogradGraphStrings): string {
  if ("error" in run.second) {
    return `<div class="tl-error-box"><p>${esc(t.secondError)}</p><pre>${esc(run.second.error)}</pre></div>`;
  }
  const note = retain ? t.secondRetained : t.secondNoSaved;
  const after = run.second.grads;
  const grads = NAMES.filter((k) => after[k] !== null)
    .map((k) => `<code>${k}.grad = ${esc(after[k] ?? "None")}</code>`)
    .join(" ");
  return `<p>${esc(t.secondOk)} ${grads}</p><p>${esc(note)}</p>`;
}

/** The body for a non-graph outcome: the syntax the figure takes, or PyTorch's error. */
export function renderProblem(out: Outcome, t: AutogradGraphStrings): string {
  if (out.kind === "syntax") {
    const src = out.setup.expr;
    const marker = `${" ".repeat(out.at)}^`;
    return `<p>${esc(fill(t.syntax, { at: out.at + 1, found: out.found || "end" }))}</p><pre class="tl-ag-caret">${esc(src)}\n${esc(marker)}</pre>`;
  }
  if (out.kind === "error")
    return `<div class="tl-error-box"><p>${esc(t.error)}</p><pre>${esc(out.error)}</pre></div>`;
  return "";
}

export const presetLabel = (p: { expr: string; requires: Record<Name, boolean> }): string => {
  const off = NAMES.filter((k) => !p.requires[k]);
  return off.length ? `${p.expr}  (${off.join(", ")}: requires_grad=False)` : p.expr;
};
