// Draws a tensor-memory outcome as HTML: the same function makes the figure's first paint at
// build time and redraws it in the browser. Every number shown comes from the Outcome, which
// the engine computed (model.ts).
import type { UiStrings } from "../../../i18n/strings.ts";
import { esc, fill, multiIndex, pySize, pyTuple } from "../shared/html.ts";
import type { Geometry, Outcome } from "./model.ts";

export type TensorMemoryStrings = UiStrings["widgets"]["tensorMemory"];

const code = (text: string): string => `<code>${esc(text)}</code>`;

function storageRow(
  g: Geometry,
  label: string,
  covered: Map<number, number> | null,
  t: TensorMemoryStrings,
): string {
  // A storage's values in cell order: where the geometry covers a cell, its value is known.
  const values = new Map<number, number>();
  for (const [i, c] of g.cells.entries()) values.set(c, g.values[i] as number);
  const cells: string[] = [];
  for (let i = 0; i < g.storageSize; i++) {
    const v = values.get(i);
    const n = covered?.get(i) ?? 0;
    const text = v === undefined ? "" : String(v);
    const extra = n > 1 ? ` · ${fill(t.covered, { n })}` : "";
    cells.push(
      `<li class="tl-tm-cell${n > 0 ? " is-covered" : ""}" data-cell="${i}" tabindex="-1" aria-label="${esc(
        fill(t.cellLabel, { i, v: text }) + extra,
      )}"><span class="tl-tm-num" aria-hidden="true">${i}</span><span aria-hidden="true">${esc(text)}</span>${
        n > 1 ? `<span class="tl-tm-times" aria-hidden="true">×${n}</span>` : ""
      }</li>`,
    );
  }
  return `<p class="tl-label">${esc(label)}</p><ol class="tl-tm-storage" start="0">${cells.join("")}</ol>`;
}

function grid(g: Geometry, t: TensorMemoryStrings, heading = t.result): string {
  const cols = g.shape.length === 0 ? 1 : (g.shape[g.shape.length - 1] as number);
  const rows = g.shape.length <= 1 ? 1 : (g.shape[g.shape.length - 2] as number);
  const perBlock = Math.max(1, rows * cols);
  const blocks: string[] = [];
  for (let start = 0; start < Math.max(1, g.values.length); start += perBlock) {
    const items: string[] = [];
    for (let p = start; p < Math.min(start + perBlock, g.values.length); p++) {
      const index = multiIndex(p, g.shape);
      const label = fill(t.elementLabel, {
        index: `[${index.join(", ")}]`,
        v: g.values[p] as number,
        i: g.cells[p] as number,
      });
      items.push(
        `<span class="tl-tm-el" role="listitem" data-cell="${g.cells[p]}" tabindex="-1" aria-label="${esc(label)}">${esc(
          g.values[p] as number,
        )}</span>`,
      );
    }
    const lead = g.shape.length > 2 ? multiIndex(start, g.shape).slice(0, -2) : [];
    const head = lead.length > 0 ? `<span class="tl-block-label">[${lead.join(", ")}]</span>` : "";
    blocks.push(
      `<div class="tl-block">${head}<div class="tl-grid" role="list" style="--cols:${cols}">${items.join("")}</div></div>`,
    );
  }
  return `<p class="tl-label">${esc(heading)}</p><div class="tl-blocks" data-cols="${cols}">${blocks.join("")}</div>`;
}

function table(rows: [string, Geometry][], t: TensorMemoryStrings): string {
  const head = rows.map(([name]) => `<th scope="col">${code(name)}</th>`).join("");
  const line = (label: string, cell: (g: Geometry) => string): string =>
    `<tr><th scope="row">${code(label)}</th>${rows.map(([, g]) => `<td>${code(cell(g))}</td>`).join("")}</tr>`;
  return `<table class="tl-tm-table"><thead><tr><td></td>${head}</tr></thead><tbody>${[
    line(t.shape, (g) => pySize(g.shape)),
    line(t.stride, (g) => pyTuple(g.strides)),
    line(t.offset, (g) => String(g.offset)),
    line(t.contiguous, (g) => (g.contiguous ? "True" : "False")),
  ].join("")}</tbody></table>`;
}

/** The figure's body for one outcome of `expr`. */
export function renderOutcome(outcome: Outcome, expr: string, t: TensorMemoryStrings): string {
  const input = outcome.input;
  const parts: string[] = [];
  if (outcome.kind === "ok") {
    const r = outcome.result;
    const covered = new Map<number, number>();
    if (r.sharesStorage) for (const c of r.cells) covered.set(c, (covered.get(c) ?? 0) + 1);
    const isX = expr.trim() === "x";
    const summary = isX
      ? fill(t.self, { shape: code(pySize(r.shape)), stride: code(pyTuple(r.strides)) })
      : r.sharesStorage
        ? fill(t.view, {
            expr: code(expr),
            shape: code(pySize(r.shape)),
            stride: code(pyTuple(r.strides)),
            offset: r.offset,
          })
        : fill(t.copy, { expr: code(expr) });
    parts.push(
      `<p class="tl-tm-summary" data-kind="${r.sharesStorage ? "view" : "copy"}">${summary}</p>`,
    );
    parts.push(storageRow(input, fill(t.storageOfX, { n: input.storageSize }), covered, t));
    if (!r.sharesStorage) {
      const own = new Map<number, number>();
      for (const c of r.cells) own.set(c, (own.get(c) ?? 0) + 1);
      parts.push(storageRow(r, fill(t.newStorage, { n: r.storageSize }), own, t));
    }
    parts.push(grid(r, t));
    parts.push(
      table(
        isX
          ? [["x", input]]
          : [
              ["x", input],
              [expr, r],
            ],
        t,
      ),
    );
  } else if (outcome.kind === "error") {
    parts.push(
      `<div class="tl-tm-error tl-error-box" data-kind="error"><p>${esc(t.error)}</p><pre>${esc(`${outcome.type}: ${outcome.message}`)}</pre></div>`,
    );
    const v = outcome.view;
    if (v) {
      const [a, b] = v.mismatch.oldDims;
      parts.push(
        `<p class="tl-tm-mismatch" data-dims="${a},${b}">${fill(t.mismatch, {
          a,
          b,
          shape: code(pySize(v.of.shape)),
          stride: code(pyTuple(v.of.strides)),
          actual: v.mismatch.actual,
          expected: v.mismatch.expected,
        })}</p>`,
      );
      const covered = new Map<number, number>();
      for (const c of v.of.cells) covered.set(c, (covered.get(c) ?? 0) + 1);
      parts.push(storageRow(input, fill(t.storageOfX, { n: input.storageSize }), covered, t));
      parts.push(grid(v.of, t, t.viewedTensor));
      parts.push(mismatchTable(v.of, a, b, t));
    } else {
      parts.push(storageRow(input, fill(t.storageOfX, { n: input.storageSize }), null, t));
    }
  } else {
    parts.push(
      `<p class="tl-tm-error" data-kind="unsupported">${esc(fill(t.unsupported, { at: outcome.at }))}</p>`,
    );
    parts.push(storageRow(input, fill(t.storageOfX, { n: input.storageSize }), null, t));
  }
  return parts.join("");
}

/** Sizes and strides of the tensor view() was called on, the two dims it cannot merge marked. */
function mismatchTable(g: Geometry, a: number, b: number, t: TensorMemoryStrings): string {
  const dims = g.shape.map((_, d) => d);
  const mark = (d: number): string => (d === a || d === b ? ' class="is-marked"' : "");
  return `<table class="tl-tm-table tl-tm-dims"><thead><tr><td></td>${dims
    .map((d) => `<th scope="col"${mark(d)}>${esc(fill(t.column, { i: d }))}</th>`)
    .join("")}</tr></thead><tbody><tr><th scope="row">${code(t.shape)}</th>${dims
    .map((d) => `<td${mark(d)}>${g.shape[d]}</td>`)
    .join("")}</tr><tr><th scope="row">${code(t.stride)}</th>${dims
    .map((d) => `<td${mark(d)}>${g.strides[d]}</td>`)
    .join("")}</tr></tbody></table>`;
}
