// Draws the Jacobian figure as HTML and hand-written SVG: the input plane (x, the grid around
// it, e1 and e2), the output plane (the grid's image, f(x), J e1, J e2 and the handle of v) and
// the readouts as PyTorch prints them. The same functions make the first paint at build time
// and redraw in the browser. Every number comes from the Outcome, which the engine computed;
// the arithmetic here only places things on the screen.
import type { UiStrings } from "../../../i18n/strings.ts";
import { esc, fill } from "../shared/html.ts";
import { type Outcome, type Pair, pyFloat, STEP } from "./model.ts";

export type JacobianStrings = UiStrings["widgets"]["jacobian"];

const SIZE = 240;
/** Half the width of the input plane, in its own units. */
const IN_HALF = 3.25;

interface Frame {
  cx: number;
  cy: number;
  half: number;
}

const px = (f: Frame, p: Pair): Pair => [
  ((p[0] - f.cx + f.half) / (2 * f.half)) * SIZE,
  ((f.half - (p[1] - f.cy)) / (2 * f.half)) * SIZE,
];
const xy = (q: Pair): string => `${q[0].toFixed(1)},${q[1].toFixed(1)}`;

/** The output plane's frame: centred on f(x), wide enough for the grid's image and J's columns. */
export function outputFrame(o: Outcome): Frame {
  let reach = 2.5;
  for (const line of o.gridOut)
    for (const p of line)
      reach = Math.max(reach, Math.abs(p[0] - o.fx[0]), Math.abs(p[1] - o.fx[1]));
  for (const c of o.columns) reach = Math.max(reach, Math.abs(c[0]), Math.abs(c[1]));
  return { cx: o.fx[0], cy: o.fx[1], half: Math.ceil(reach * 1.15 * 2) / 2 };
}

export function inputFrame(): Frame {
  return { cx: 0, cy: 0, half: IN_HALF };
}

/** Screen position (in the SVG's units) back to the plane's coordinates. */
export function toPlane(f: Frame, sx: number, sy: number): Pair {
  return [(sx / SIZE) * 2 * f.half - f.half + f.cx, f.half - (sy / SIZE) * 2 * f.half + f.cy];
}

/** Faint unit lines and the two axes, where they fall inside the frame. */
function backdrop(f: Frame): string {
  const out: string[] = [];
  const lo = (c: number) => Math.ceil(c - f.half);
  const hi = (c: number) => Math.floor(c + f.half);
  for (let u = lo(f.cx); u <= hi(f.cx); u++) {
    const [a] = px(f, [u, 0]);
    out.push(
      `<line x1="${a.toFixed(1)}" y1="0" x2="${a.toFixed(1)}" y2="${SIZE}" class="${u === 0 ? "tl-jac-axis" : "tl-jac-unit"}"/>`,
    );
  }
  for (let w = lo(f.cy); w <= hi(f.cy); w++) {
    const [, b] = px(f, [0, w]);
    out.push(
      `<line x1="0" y1="${b.toFixed(1)}" x2="${SIZE}" y2="${b.toFixed(1)}" class="${w === 0 ? "tl-jac-axis" : "tl-jac-unit"}"/>`,
    );
  }
  return out.join("");
}

function arrow(f: Frame, from: Pair, d: Pair, cls: string, label: string, dashed = false): string {
  const a = px(f, from);
  const b = px(f, [from[0] + d[0], from[1] + d[1]]);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (len < 0.5) return "";
  const ux = (b[0] - a[0]) / len;
  const uy = (b[1] - a[1]) / len;
  const head = Math.min(9, len * 0.6);
  const l: Pair = [b[0] - ux * head - uy * head * 0.45, b[1] - uy * head + ux * head * 0.45];
  const r: Pair = [b[0] - ux * head + uy * head * 0.45, b[1] - uy * head - ux * head * 0.45];
  const t: Pair = [b[0] + ux * 10, b[1] + uy * 10 + 4];
  return `<g class="${cls}"><line x1="${a[0].toFixed(1)}" y1="${a[1].toFixed(1)}" x2="${b[0].toFixed(1)}" y2="${b[1].toFixed(1)}"${dashed ? ' stroke-dasharray="5 3"' : ""}/><polygon points="${xy(b)} ${xy(l)} ${xy(r)}"/><text x="${t[0].toFixed(1)}" y="${t[1].toFixed(1)}" text-anchor="middle">${esc(label)}</text></g>`;
}

function polylines(f: Frame, lines: Pair[][]): string {
  const mid = (lines.length / 2 - 1) / 2;
  return lines
    .map((line, i) => {
      // The line through x along x0 (index mid) and along x1 (index mid of the second half).
      const cls = i === mid ? "tl-jac-e1" : i === lines.length / 2 + mid ? "tl-jac-e2" : "";
      return `<polyline class="tl-jac-grid ${cls}" points="${line.map((p) => xy(px(f, p))).join(" ")}"/>`;
    })
    .join("");
}

const pairText = (p: Pair): string => p.map((n) => String(Math.round(n * 1e4) / 1e4)).join(", ");

function handle(f: Frame, at: Pair, name: "x" | "v", label: string): string {
  const [a, b] = px(f, at);
  return `<g class="tl-jac-handle tl-jac-handle-${name}" data-handle="${name}" tabindex="0" role="button" aria-roledescription="draggable" aria-label="${esc(
    label,
  )}"><circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="14" class="tl-jac-hit"/><circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="6"/></g>`;
}

function planes(o: Outcome, t: JacobianStrings, live: boolean): string {
  const fin = inputFrame();
  const fout = outputFrame(o);
  const { x, v } = o.state;
  const [xa, xb] = x.map(pyFloat) as [string, string];
  const [va, vb] = v.map(pyFloat) as [string, string];
  const step = String(STEP);
  const [c1, c2] = o.columns;
  const inDesc = fill(t.inputPlane, { a: xa, b: xb });
  const outDesc = fill(t.outputPlane, {
    a: pairText(o.fx).split(", ")[0] as string,
    b: pairText(o.fx).split(", ")[1] as string,
    c1a: pairText(c1).split(", ")[0] as string,
    c1b: pairText(c1).split(", ")[1] as string,
    c2a: pairText(c2).split(", ")[0] as string,
    c2b: pairText(c2).split(", ")[1] as string,
    va,
    vb,
  });
  // Without script the handles cannot move: they are drawn, but not offered as controls.
  const hx = live
    ? handle(fin, x, "x", fill(t.handleX, { a: xa, b: xb, step }))
    : `<circle class="tl-jac-dot" cx="${px(fin, x)[0].toFixed(1)}" cy="${px(fin, x)[1].toFixed(1)}" r="6"/>`;
  const tip: Pair = [o.fx[0] + v[0], o.fx[1] + v[1]];
  const hv = live
    ? handle(fout, tip, "v", fill(t.handleV, { a: va, b: vb, step }))
    : `<circle class="tl-jac-dot tl-jac-v" cx="${px(fout, tip)[0].toFixed(1)}" cy="${px(fout, tip)[1].toFixed(1)}" r="5"/>`;
  const fx = px(fout, o.fx);
  const inSvg = `<svg class="tl-jac-plane" data-plane="in" viewBox="0 0 ${SIZE} ${SIZE}" role="group" aria-label="${esc(
    inDesc,
  )}">${backdrop(fin)}${polylines(fin, o.gridIn)}${arrow(fin, x, [1, 0], "tl-jac-e1", "e₁")}${arrow(
    fin,
    x,
    [0, 1],
    "tl-jac-e2",
    "e₂",
  )}<text class="tl-jac-name" x="${(px(fin, x)[0] - 10).toFixed(1)}" y="${(px(fin, x)[1] + 18).toFixed(1)}">x</text>${hx}</svg>`;
  // Where v is one of J's columns (the default state), the two arrows coincide: one label says so.
  const same = (c: Pair): boolean => Math.hypot(c[0] - v[0], c[1] - v[1]) < 1e-6;
  const outSvg = `<svg class="tl-jac-plane" data-plane="out" data-frame="${esc(
    JSON.stringify(fout),
  )}" viewBox="0 0 ${SIZE} ${SIZE}" role="group" aria-label="${esc(outDesc)}">${backdrop(
    fout,
  )}${polylines(fout, o.gridOut)}${arrow(fout, o.fx, c1, "tl-jac-e1", same(c1) ? "J e₁ = v" : "J e₁")}${arrow(
    fout,
    o.fx,
    c2,
    "tl-jac-e2",
    same(c2) ? "J e₂ = v" : "J e₂",
  )}${arrow(fout, o.fx, v, "tl-jac-v", same(c1) || same(c2) ? "" : "v", true)}<circle class="tl-jac-dot" cx="${fx[0].toFixed(1)}" cy="${fx[1].toFixed(1)}" r="4"/><text class="tl-jac-name" x="${(fx[0] - 12).toFixed(1)}" y="${(fx[1] + 18).toFixed(1)}">f(x)</text>${hv}</svg>`;
  return `<div class="tl-jac-planes">${inSvg}${outSvg}</div>`;
}

const readout = (label: string, value: string, key: string): string =>
  `<div class="tl-jac-readout" data-readout="${key}"><p class="tl-label"><code>${esc(
    label,
  )}</code></p><pre><code>${esc(value)}</code></pre></div>`;

/** The figure's body for one outcome: the planes (live: with draggable handles), the readouts. */
export function renderBody(o: Outcome, t: JacobianStrings, live: boolean): string {
  const { v } = o.state;
  const onehot = v[0] === 1 && v[1] === 0 ? 1 : v[0] === 0 && v[1] === 1 ? 2 : 0;
  const rowNote =
    onehot > 0
      ? fill(t.pickedRow, { i: onehot })
      : fill(t.weighted, { a: pyFloat(v[0]), b: pyFloat(v[1]) });
  return [
    planes(o, t, live),
    `<p class="tl-label">${esc(t.code)}</p><pre class="tl-jac-code"><code>${esc(o.code)}</code></pre>`,
    `<div class="tl-jac-readouts">${[
      readout(t.x, o.x, "x"),
      readout(t.y, o.y, "y"),
      readout(t.J, o.J, "J"),
      readout(t.v, o.v, "v"),
      readout(t.vJ, o.vJ, "vJ"),
      readout(t.grad, o.grad, "grad"),
    ].join("")}</div>`,
    `<p class="tl-jac-equal" data-equal="${o.equal}">${esc(o.equal ? t.equal : t.notEqual)}</p>`,
    `<p class="tl-jac-rownote" data-row="${onehot}">${esc(rowNote)}</p>`,
    `<div class="tl-jac-rows"><p class="tl-label">${esc(t.rowsTitle)}</p>${[1, 2]
      .map((i) => readout(fill(t.row, { i }), o.rows[i - 1] as string, `row${i}`))
      .join("")}${readout(t.stacked, o.J, "stacked")}</div>`,
  ].join("");
}

/** The sentence screen readers hear after each change. */
export function announcement(o: Outcome, t: JacobianStrings): string {
  const [x0, x1] = o.state.x.map(pyFloat) as [string, string];
  const [v0, v1] = o.state.v.map(pyFloat) as [string, string];
  return fill(t.announce, { x0, x1, v0, v1, y: o.y, vJ: o.vJ, grad: o.grad });
}
