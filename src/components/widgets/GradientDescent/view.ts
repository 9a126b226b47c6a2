// Draws the gradient-descent figure as HTML and SVG: the loss surface's contours (d3-contour)
// with the three paths, the loss curve beside it (d3-scale, d3-shape), the read-out of the step
// shown, the program and what it prints. The same functions make the first paint at build time
// and redraw in the browser. Every number comes from the Outcome and the Grid, which the engine
// computed; the arithmetic here only places things on the screen and clips them to the plot.
import { contours } from "d3-contour";
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import type { UiStrings } from "../../../i18n/strings.ts";
import { esc, fill } from "../shared/html.ts";
import { type Grid, type MethodName, N, type Outcome, type Run, SURFACES } from "./model.ts";

export type GradientDescentStrings = UiStrings["widgets"]["gradientDescent"];
type Pair = [number, number];

export interface ViewState {
  /** The step shown by the scrubber (0 = the start). */
  step: number;
  logScale: boolean;
}

const W = 320;
const H = 280;
const M = { left: 40, right: 10, top: 10, bottom: 34 };
const CW = 320;
const CH = 220;

const MARK: Record<MethodName, string> = {
  batch: "M-4,-4h8v8h-8z",
  "mini-batch": "M0,-5.5L5,4H-5z",
  stochastic: "M-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0",
};

const f1 = (n: number): string => n.toFixed(1);
const finite = (p: Pair): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** A loss value as the read-out writes it: 4 decimals, or 4 significant digits when huge or tiny. */
export function lossText(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(3) : v.toFixed(4);
}

/** Where a method's path first leaves the drawn part of the plane, or its loss stops being finite. */
export function divergence(run: Run, extent: [Pair, Pair]): { off: number; bad: number } {
  const [[x0, x1], [y0, y1]] = extent;
  const off = run.path.findIndex(
    (p) => !finite(p) || p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1,
  );
  const bad = run.loss.findIndex((v) => !Number.isFinite(v));
  return { off, bad };
}

/** Liang–Barsky: the part of segment a→b inside the box, or null. */
function clip(a: Pair, b: Pair, [[x0, x1], [y0, y1]]: [Pair, Pair]): [Pair, Pair] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a[0] - x0],
    [dx, x1 - a[0]],
    [-dy, a[1] - y0],
    [dy, y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  if (t0 > t1) return null;
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** The path's segments up to `upto`, clipped to the box, joined where they meet. */
function pieces(path: Pair[], extent: [Pair, Pair]): Pair[][] {
  const out: Pair[][] = [];
  let cur: Pair[] = [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Pair;
    const b = path[i] as Pair;
    const seg = finite(a) && finite(b) ? clip(a, b, extent) : null;
    if (!seg) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    const last = cur[cur.length - 1];
    if (last && last[0] === seg[0][0] && last[1] === seg[0][1]) cur.push(seg[1]);
    else {
      if (cur.length) out.push(cur);
      cur = [seg[0], seg[1]];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function thresholds(values: number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Spaced geometrically above the lowest value, so the floor of the bowl gets rings too.
  const range = hi - lo;
  return Array.from({ length: 14 }, (_, k) => lo + range * 0.004 * 250 ** (k / 13));
}

function contourPlot(o: Outcome, grid: Grid, t: GradientDescentStrings, v: ViewState): string {
  const f = SURFACES[o.settings.surface];
  const [[x0, x1], [y0, y1]] = f.extent;
  const sx = scaleLinear()
    .domain([x0, x1])
    .range([M.left, W - M.right]);
  const sy = scaleLinear()
    .domain([y0, y1])
    .range([H - M.bottom, M.top]);
  // d3-contour puts sample i at i + 0.5 of its grid coordinates.
  const gx = (g: number): number => sx(x0 + ((g - 0.5) * (x1 - x0)) / (grid.nx - 1));
  const gy = (g: number): number => sy(y0 + ((g - 0.5) * (y1 - y0)) / (grid.ny - 1));
  const rings = contours()
    .size([grid.nx, grid.ny])
    .thresholds(thresholds(grid.values))(grid.values)
    .map((c) => {
      const d = c.coordinates
        .flatMap((poly) =>
          poly.map(
            (ring) =>
              `M${ring.map((q) => `${f1(gx(q[0] as number))},${f1(gy(q[1] as number))}`).join("L")}Z`,
          ),
        )
        .join("");
      return d ? `<path class="tl-gd-contour" d="${d}"/>` : "";
    })
    .join("");
  const ticks = (s: typeof sx, axis: "x" | "y"): string =>
    s
      .ticks(6)
      .map((n) =>
        axis === "x"
          ? `<line class="tl-gd-tick" x1="${f1(s(n))}" x2="${f1(s(n))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}"/><text x="${f1(s(n))}" y="${H - M.bottom + 15}" text-anchor="middle">${n}</text>`
          : `<line class="tl-gd-tick" x1="${M.left - 4}" x2="${M.left}" y1="${f1(s(n))}" y2="${f1(s(n))}"/><text x="${M.left - 6}" y="${f1(s(n) + 4)}" text-anchor="end">${n}</text>`,
      )
      .join("");
  const line2 = line<Pair>()
    .x((p) => sx(p[0]))
    .y((p) => sy(p[1]))
    .digits(1);
  const paths = o.runs
    .map((r) =>
      pieces(r.path, f.extent)
        .map((piece) => `<path class="tl-gd-path tl-gd-${r.method}" d="${line2(piece)}"/>`)
        .join(""),
    )
    .join("");
  const marks = o.runs
    .map((r) => {
      const p = r.path[Math.min(v.step, r.path.length - 1)] as Pair;
      const inside = finite(p) && p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1;
      return inside
        ? `<path class="tl-gd-mark tl-gd-${r.method}" transform="translate(${f1(sx(p[0]))},${f1(sy(p[1]))})" d="${MARK[r.method]}"/>`
        : "";
    })
    .join("");
  const start = f.start;
  const label = fill(t.plotLabel, {
    surface: t.surfaces[o.settings.surface],
    a: start[0],
    b: start[1],
  });
  return `<svg class="tl-gd-plot" data-plot="surface" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">
<defs><clipPath id="tl-gd-clip-${o.settings.surface}"><rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/></clipPath></defs>
<rect class="tl-gd-frame" x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/>
<g clip-path="url(#tl-gd-clip-${o.settings.surface})">${rings}${paths}</g>${marks}
<circle class="tl-gd-start" cx="${f1(sx(start[0]))}" cy="${f1(sy(start[1]))}" r="3.5"/>
${ticks(sx, "x")}${ticks(sy, "y")}
<text class="tl-gd-axis" x="${(M.left + W - M.right) / 2}" y="${H - 4}" text-anchor="middle">${esc(f.axes[0])}</text>
<text class="tl-gd-axis" transform="translate(11,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(f.axes[1])}</text>
</svg>`;
}

function lossChart(o: Outcome, t: GradientDescentStrings, v: ViewState, live: boolean): string {
  const steps = o.settings.steps;
  const all = o.runs.flatMap((r) => r.loss).filter((x) => Number.isFinite(x));
  const positive = all.filter((x) => x > 0);
  const first = Math.max(
    ...o.runs.map((r) => (Number.isFinite(r.loss[0]) ? (r.loss[0] as number) : 0)),
  );
  const sx = scaleLinear()
    .domain([0, steps])
    .range([M.left + 6, CW - M.right]);
  // Linear: from 0 to a little above the starting loss (a run that climbs past it is clipped,
  // and the read-out says so). Log: every finite positive loss of the three runs.
  const lo = positive.length ? Math.min(...positive) : 1e-3;
  const hi = positive.length ? Math.max(...positive) : 1;
  const sy = v.logScale
    ? scaleLog()
        .domain([lo, hi > lo ? hi : lo * 10])
        .range([CH - M.bottom, M.top])
        .nice()
    : scaleLinear()
        .domain([0, (first || 1) * 1.1])
        .range([CH - M.bottom, M.top])
        .nice();
  const [dLo, dHi] = sy.domain() as [number, number];
  const curve = line<number>()
    .defined((y) => Number.isFinite(y) && (!v.logScale || y > 0))
    .x((_, i) => sx(i))
    .y((y) => sy(Math.min(Math.max(y, dLo), dHi * 4)))
    .digits(1);
  const yTicks = (v.logScale ? sy.ticks(4) : sy.ticks(5))
    .filter((_, i, a) => !v.logScale || a.length <= 6 || i % Math.ceil(a.length / 6) === 0)
    .map(
      (n) =>
        `<line class="tl-gd-grid" x1="${M.left}" x2="${CW - M.right}" y1="${f1(sy(n))}" y2="${f1(sy(n))}"/><text x="${M.left - 4}" y="${f1(sy(n) + 4)}" text-anchor="end">${esc(v.logScale ? n.toExponential(0) : String(+n.toPrecision(4)))}</text>`,
    )
    .join("");
  const xTicks = sx
    .ticks(5)
    .map((n) => `<text x="${f1(sx(n))}" y="${CH - M.bottom + 15}" text-anchor="middle">${n}</text>`)
    .join("");
  const curves = o.runs
    .map((r) => `<path class="tl-gd-path tl-gd-${r.method}" d="${curve(r.loss) ?? ""}"/>`)
    .join("");
  const k = Math.min(v.step, steps);
  const dots = o.runs
    .map((r) => {
      const y = r.loss[k] as number;
      if (!Number.isFinite(y) || (v.logScale && y <= 0) || y > dHi || y < dLo) return "";
      return `<path class="tl-gd-mark tl-gd-${r.method}" transform="translate(${f1(sx(k))},${f1(sy(y))})" d="${MARK[r.method]}"/>`;
    })
    .join("");
  const label = fill(t.chartLabel, { step: k, steps });
  const valueText = fill(t.chartValue, {
    step: k,
    values: o.runs
      .map((r) => `${t.methods[r.method]}: ${lossText(r.loss[k] as number)}`)
      .join("; "),
  });
  const focus = live
    ? ` tabindex="0" role="slider" aria-valuemin="0" aria-valuemax="${steps}" aria-valuenow="${k}" aria-valuetext="${esc(valueText)}"`
    : ' role="img"';
  return `<svg class="tl-gd-chart" data-plot="loss" data-steps="${steps}" viewBox="0 0 ${CW} ${CH}"${focus} aria-label="${esc(label)}">
<defs><clipPath id="tl-gd-chart-clip"><rect x="${M.left}" y="${M.top - 2}" width="${CW - M.left - M.right + 2}" height="${CH - M.top - M.bottom + 4}"/></clipPath></defs>
<rect class="tl-gd-frame" x="${M.left}" y="${M.top}" width="${CW - M.left - M.right}" height="${CH - M.top - M.bottom}"/>
${yTicks}${xTicks}
<line class="tl-gd-cursor" x1="${f1(sx(k))}" x2="${f1(sx(k))}" y1="${M.top}" y2="${CH - M.bottom}"/>
<g clip-path="url(#tl-gd-chart-clip)">${curves}</g>${dots}
<text class="tl-gd-axis" x="${(M.left + CW - M.right) / 2}" y="${CH - 4}" text-anchor="middle">${esc(t.stepAxis)}</text>
<text class="tl-gd-axis" transform="translate(11,${(M.top + CH - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(v.logScale ? t.lossAxisLog : t.lossAxis)}</text>
</svg>`;
}

/** The step nearest to x (in the loss chart's own units). */
export function chartStep(steps: number, x: number): number {
  const sx = scaleLinear()
    .domain([0, steps])
    .range([M.left + 6, CW - M.right]);
  return Math.max(0, Math.min(steps, Math.round(sx.invert(x))));
}

/** What happened to one run that is worth saying: it left the plot, or its loss overflowed. */
export function note(r: Run, o: Outcome, t: GradientDescentStrings): string {
  const { off, bad } = divergence(r, SURFACES[o.settings.surface].extent);
  const name = t.methods[r.method];
  if (bad >= 0)
    return fill(t.lossNotFinite, { name, step: bad, loss: lossText(r.loss[bad] as number) });
  if (off < 0) return "";
  // Leaving the plot is divergence only if the run ends worse than it began: a large step can
  // overshoot past the edge and still come down (linear regression at lr 0.9).
  const start = r.loss[0] as number;
  const end = r.loss[r.loss.length - 1] as number;
  const said = end >= start ? t.leftPlot : t.leftAndDescended;
  return fill(said, {
    name,
    step: off,
    p: r.text[off] as string,
    start: lossText(start),
    end: lossText(end),
  });
}

/** The figure's body: the plot and the loss chart, the read-out of the step shown, the program. */
export function renderBody(
  o: Outcome,
  grid: Grid,
  t: GradientDescentStrings,
  v: ViewState,
  live: boolean,
): string {
  const k = Math.min(v.step, o.settings.steps);
  const legend = o.runs
    .map(
      (r) =>
        `<li><svg viewBox="-8 -8 40 16" width="40" height="16" aria-hidden="true"><line class="tl-gd-path tl-gd-${r.method}" x1="-6" x2="30" y1="0" y2="0"/><path class="tl-gd-mark tl-gd-${r.method}" transform="translate(12,0)" d="${MARK[r.method]}"/></svg>${esc(fill(t.methodLong[r.method], { b: r.batchSize, n: N }))}</li>`,
    )
    .join("");
  const rows = o.runs
    .map(
      (r) =>
        `<tr data-method="${r.method}"><th scope="row">${esc(t.methods[r.method])}</th><td>${r.batchSize}</td><td><code data-value="p">${esc(r.text[k] as string)}</code></td><td><code data-value="loss">${esc(lossText(r.loss[k] as number))}</code></td></tr>`,
    )
    .join("");
  const notes = o.runs
    .map((r) => note(r, o, t))
    .filter(Boolean)
    .map((n) => `<li>${esc(n)}</li>`)
    .join("");
  return [
    `<ul class="tl-gd-legend">${legend}</ul>`,
    `<div class="tl-gd-plots">${contourPlot(o, grid, t, v)}${lossChart(o, t, v, live)}</div>`,
    notes ? `<ul class="tl-gd-notes">${notes}</ul>` : "",
    `<table class="tl-gd-readout" data-step="${k}"><caption>${esc(fill(t.readoutCaption, { step: k, steps: o.settings.steps }))}</caption><thead><tr><th scope="col">${esc(t.colMethod)}</th><th scope="col">${esc(t.colBatch)}</th><th scope="col">p</th><th scope="col">${esc(t.colLoss)}</th></tr></thead><tbody>${rows}</tbody></table>`,
    `<p class="tl-label">${esc(t.code)}</p><pre class="tl-gd-code"><code>${esc(o.code)}</code></pre>`,
    `<p class="tl-label">${esc(t.printed)}</p><pre class="tl-gd-printed"><code>${esc(o.runs.map((r) => r.printed).join("\n"))}</code></pre>`,
  ].join("");
}

/** The sentence screen readers hear after each change. */
export function announcement(o: Outcome, t: GradientDescentStrings, step: number): string {
  const k = Math.min(step, o.settings.steps);
  return fill(t.announce, {
    step: k,
    steps: o.settings.steps,
    values: o.runs
      .map(
        (r) =>
          `${t.methods[r.method]}: p = ${r.text[k]}, ${t.colLoss} ${lossText(r.loss[k] as number)}`,
      )
      .join("; "),
  });
}
