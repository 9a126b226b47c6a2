// Draws the device-timing figure from the reader's measurements: two log-log charts (time per
// matmul and GFLOP/s against n, CPU and GPU, the crossover marked) as our own SVG from
// d3-scale's scales and ticks and d3-shape's lines, the explanation of what they show, and the
// same numbers as a table. The build-time first paint calls it with no rows (empty axes), the
// client with each row as it arrives. Nothing here measures or invents a number.
import { scaleLog } from "d3-scale";
import { line } from "d3-shape";
import type { UiStrings } from "../../../i18n/strings.ts";
import { esc, fill } from "../shared/html.ts";
import { type Crossover, crossover, gflops, MIN_SAMPLE_MS, type Row, SIZES } from "./model.ts";

export type DeviceTimingStrings = UiStrings["widgets"]["deviceTiming"] & {
  /** Why the GPU is missing, by kind: the device section's reasons, in the page's language. */
  reasons: UiStrings["device"]["reasons"];
};

/** What the page knows about the GPU: not asked yet, found, or missing (and why, in words). */
export type GpuState =
  | { kind: "unknown" }
  | { kind: "available"; adapter: string }
  | { kind: "none"; reason: string };

const W = 320;
const H = 220;
const M = { top: 12, right: 12, bottom: 40, left: 52 };

/** A number of milliseconds or GFLOP/s to three significant digits, as text. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 100) return x.toFixed(0);
  return x.toPrecision(3);
}

const x = scaleLog()
  .base(2)
  .domain([SIZES[0], SIZES[SIZES.length - 1] as number])
  .range([M.left, W - M.right]);

/** A log y scale covering `values` (whole decades), or `fallback` when there are none. */
function yScale(values: number[], fallback: [number, number]) {
  const ok = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = ok.length ? 10 ** Math.floor(Math.log10(Math.min(...ok))) : fallback[0];
  let hi = ok.length ? 10 ** Math.ceil(Math.log10(Math.max(...ok))) : fallback[1];
  if (hi <= lo) hi = lo * 10;
  return scaleLog()
    .domain([lo, hi])
    .range([H - M.bottom, M.top]);
}

interface Series {
  key: "cpu" | "gpu" | "gpu-first";
  points: [number, number][];
  joined: boolean;
}

function axes(y: ReturnType<typeof yScale>, t: DeviceTimingStrings): string {
  const out: string[] = [];
  const [y0, y1] = y.range() as [number, number];
  out.push(`<line class="tl-dt-axis" x1="${M.left}" y1="${y0}" x2="${W - M.right}" y2="${y0}"/>`);
  out.push(`<line class="tl-dt-axis" x1="${M.left}" y1="${y0}" x2="${M.left}" y2="${y1}"/>`);
  for (const n of SIZES) {
    const px = x(n).toFixed(1);
    out.push(`<line class="tl-dt-grid" x1="${px}" y1="${y0}" x2="${px}" y2="${y1}"/>`);
    out.push(`<text x="${px}" y="${y0 + 14}" text-anchor="middle">${n}</text>`);
  }
  out.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${esc(t.xAxis)}</text>`,
  );
  // Decades only: a log axis labelled 1, 10, 100 reads at a glance.
  const decades = y
    .ticks()
    .filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  for (const v of decades) {
    const py = y(v).toFixed(1);
    out.push(`<line class="tl-dt-grid" x1="${M.left}" y1="${py}" x2="${W - M.right}" y2="${py}"/>`);
    out.push(
      `<text x="${M.left - 5}" y="${py}" text-anchor="end" dominant-baseline="middle">${y.tickFormat(10, "~g")(v)}</text>`,
    );
  }
  return out.join("");
}

function marker(key: Series["key"], px: number, py: number): string {
  const p = `${px.toFixed(1)}`;
  const q = `${py.toFixed(1)}`;
  if (key === "cpu") return `<circle class="tl-dt-cpu" cx="${p}" cy="${q}" r="3.5"/>`;
  const cls = key === "gpu" ? "tl-dt-gpu" : "tl-dt-gpu tl-dt-hollow";
  return `<rect class="${cls}" x="${(px - 3.5).toFixed(1)}" y="${(py - 3.5).toFixed(1)}" width="7" height="7"/>`;
}

function panel(
  title: string,
  series: Series[],
  y: ReturnType<typeof yScale>,
  cross: Crossover,
  t: DeviceTimingStrings,
  kind: "time" | "rate",
  summary: string,
): string {
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const body: string[] = [axes(y, t)];
  const [y0, y1] = y.range() as [number, number];
  if (cross.kind === "crossover") {
    const px = x(cross.at).toFixed(1);
    body.push(
      `<line class="tl-dt-cross" x1="${px}" y1="${y0}" x2="${px}" y2="${y1}"/>`,
      `<text class="tl-dt-cross-label" x="${px}" y="${y1 + 10}" text-anchor="${x(cross.at) > W / 2 ? "end" : "start"}" dx="${x(cross.at) > W / 2 ? -4 : 4}">${esc(fill(t.crossoverMark, { at: Math.round(cross.at) }))}</text>`,
    );
  } else if (cross.kind === "none" && kind === "time") {
    body.push(
      `<text class="tl-dt-cross-label" x="${W - M.right - 4}" y="${y1 + 10}" text-anchor="end">${esc(t.noCrossoverMark)}</text>`,
    );
  }
  for (const s of series) {
    if (s.points.length === 0) continue;
    const cls = s.key === "cpu" ? "tl-dt-cpu" : "tl-dt-gpu";
    if (s.joined)
      body.push(
        `<path class="tl-dt-line ${cls}${s.key === "gpu" ? " tl-dt-dashed" : ""}" d="${path(s.points) ?? ""}"/>`,
      );
    for (const [n, v] of s.points) body.push(marker(s.key, x(n), y(v)));
  }
  if (series.every((s) => s.points.length === 0))
    body.push(
      `<text class="tl-dt-empty" x="${(M.left + W - M.right) / 2}" y="${(y0 + y1) / 2}" text-anchor="middle">${esc(t.empty)}</text>`,
    );
  const label = fill(t.chartLabel, { title, summary });
  return `<figure class="tl-dt-panel"><p class="tl-label">${esc(title)}</p><svg class="tl-dt-chart" data-chart="${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">${body.join("")}</svg></figure>`;
}

function legend(t: DeviceTimingStrings, gpu: GpuState): string {
  const item = (key: Series["key"], text: string) =>
    `<li><svg viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">${key === "cpu" ? `<line class="tl-dt-line tl-dt-cpu" x1="0" y1="6" x2="24" y2="6"/>` : key === "gpu" ? `<line class="tl-dt-line tl-dt-gpu tl-dt-dashed" x1="0" y1="6" x2="24" y2="6"/>` : ""}${marker(key, 12, 6)}</svg>${esc(text)}</li>`;
  const items = [item("cpu", t.cpu)];
  if (gpu.kind !== "none") items.push(item("gpu", t.gpu), item("gpu-first", t.gpuFirst));
  return `<ul class="tl-dt-legend">${items.join("")}</ul>`;
}

/** Rows whose GPU times may be shown: the GPU ran and its product passed the check. */
const gpuShown = (r: Row): boolean => Boolean(r.gpu && r.check?.ok);

/** What the crossover (or its absence) means, in words, once there is something to say. */
export function crossoverText(rows: readonly Row[], t: DeviceTimingStrings): string | null {
  const c = crossover(rows);
  switch (c.kind) {
    case "crossover":
      return fill(t.crossover, { below: c.below, from: c.from, at: Math.round(c.at) });
    case "gpu-always":
      return fill(t.gpuAlways, { n: Math.min(...rows.filter(gpuShown).map((r) => r.n)) });
    case "none":
      return fill(t.noCrossover, { n: c.largest });
    case "unknown":
      return null;
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The two charts, the legend and the explanation under them. */
export function renderChart(rows: readonly Row[], t: DeviceTimingStrings, gpu: GpuState): string {
  const sorted = [...rows].sort((a, b) => a.n - b.n);
  const shown = sorted.filter(gpuShown);
  const cross = gpu.kind === "available" ? crossover(sorted) : ({ kind: "unknown" } as const);
  const timeSeries: Series[] = [
    { key: "cpu", points: sorted.map((r) => [r.n, r.cpu.median]), joined: true },
    {
      key: "gpu",
      points: shown.map((r) => [r.n, (r.gpu as NonNullable<Row["gpu"]>).median]),
      joined: true,
    },
    {
      key: "gpu-first",
      points: shown.map((r) => [r.n, (r.gpu as NonNullable<Row["gpu"]>).first]),
      joined: false,
    },
  ];
  const rateSeries: Series[] = timeSeries
    .filter((s) => s.key !== "gpu-first")
    .map((s) => ({ ...s, points: s.points.map(([n, ms]) => [n, gflops(n, ms)]) }));
  const summary = sorted.length
    ? fill(t.chartSummary, { sizes: sorted.map((r) => r.n).join(", ") })
    : t.chartEmpty;
  const time = panel(
    t.timeTitle,
    timeSeries,
    yScale(
      timeSeries.flatMap((s) => s.points.map((p) => p[1])),
      [0.01, 1000],
    ),
    cross,
    t,
    "time",
    summary,
  );
  const rate = panel(
    t.rateTitle,
    rateSeries,
    yScale(
      rateSeries.flatMap((s) => s.points.map((p) => p[1])),
      [0.1, 1000],
    ),
    cross,
    t,
    "rate",
    summary,
  );
  const said = gpu.kind === "available" ? crossoverText(sorted, t) : null;
  const notes = [
    said ? `<p class="tl-dt-crossover" data-crossover="${cross.kind}">${esc(said)}</p>` : "",
    gpu.kind === "none"
      ? `<p class="tl-dt-nogpu" data-nogpu>${esc(fill(t.noGpu, { reason: gpu.reason }))}</p>`
      : `<p class="tl-dt-note">${esc(t.compileNote)}</p>`,
    `<p class="tl-dt-note">${esc(fill(t.repeatNote, { ms: MIN_SAMPLE_MS }))}</p>`,
    gpu.kind !== "none" ? `<p class="tl-dt-note">${esc(t.checkNote)}</p>` : "",
  ];
  return `<div class="tl-dt-charts">${time}${rate}</div>${legend(t, gpu)}${notes.join("")}`;
}

/** The same measurements as a table (the chart's text equivalent). */
export function renderTable(
  rows: readonly Row[],
  t: DeviceTimingStrings,
  gpu: GpuState,
  runs: number,
): string {
  const withGpu = gpu.kind !== "none";
  const heads = [t.colN, t.colCpuFirst, t.colCpu, t.colCpuRate];
  if (withGpu) heads.push(t.colGpuFirst, t.colGpu, t.colGpuRate, t.colReadback, t.colCheck);
  const body = [...rows]
    .sort((a, b) => a.n - b.n)
    .map((r) => {
      const cells = [
        `<th scope="row">${r.n}</th>`,
        `<td>${num(r.cpu.first)}</td>`,
        `<td>${num(r.cpu.median)}${r.cpu.repeat > 1 ? ` <small>× ${r.cpu.repeat}</small>` : ""}</td>`,
        `<td>${num(gflops(r.n, r.cpu.median))}</td>`,
      ];
      if (withGpu) {
        if (r.gpu && r.check?.ok) {
          cells.push(
            `<td>${num(r.gpu.first)}</td>`,
            `<td>${num(r.gpu.median)}${r.gpu.repeat > 1 ? ` <small>× ${r.gpu.repeat}</small>` : ""}</td>`,
            `<td>${num(gflops(r.n, r.gpu.median))}</td>`,
            `<td>${num(r.gpu.readback)}</td>`,
            `<td>${esc(fill(t.checkOk, { diff: `max |Δ| ${r.check.maxDiff.toExponential(1)}` }))}</td>`,
          );
        } else if (r.check) {
          const msg = fill(t.checkFailed, { at: r.check.at, cpu: r.check.cpu, gpu: r.check.gpu });
          cells.push(`<td colspan="5" class="tl-dt-bad">${esc(msg)}</td>`);
        } else cells.push(`<td colspan="5">${esc(t.noValue)}</td>`);
      }
      const attrs = [
        `data-n="${r.n}"`,
        r.check ? `data-check="${r.check.ok ? "ok" : "failed"}"` : "",
        r.gpu ? `data-dispatches="${r.gpu.dispatches}"` : "",
      ].join(" ");
      return `<tr ${attrs}>${cells.join("")}</tr>`;
    });
  const empty = `<tr><td colspan="${heads.length}">${esc(t.empty)}</td></tr>`;
  return `<table class="tl-dt-table"><caption>${esc(fill(t.tableCaption, { runs }))}</caption><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${body.length ? body.join("") : empty}</tbody></table>`;
}

/** One sentence for the live region when a size is done. */
export function rowAnnouncement(r: Row, t: DeviceTimingStrings): string {
  const g =
    r.gpu && r.check?.ok
      ? fill(t.rowGpu, { gpu: num(r.gpu.median), readback: num(r.gpu.readback) })
      : r.check
        ? ` (${fill(t.checkFailed, { at: r.check.at, cpu: r.check.cpu, gpu: r.check.gpu })})`
        : "";
  return fill(t.rowDone, { n: r.n, cpu: num(r.cpu.median), gpu: g });
}
