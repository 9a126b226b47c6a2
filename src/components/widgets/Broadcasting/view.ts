// Draws the broadcasting figure as HTML: the shape editors and the outcome. The same functions
// make the first paint at build time and redraw in the browser. Every number shown comes from
// the Outcome, which the engine computed (model.ts).
import type { UiStrings } from "../../../i18n/strings.ts";
import { esc, fill, multiIndex, pySize, pyTuple } from "../shared/html.ts";
import { type Column, MAX_DIMS, MAX_SIZE, MAX_VALUES, type Outcome, type Shapes } from "./model.ts";

export type BroadcastingStrings = UiStrings["widgets"]["broadcasting"];

const code = (text: string): string => `<code>${esc(text)}</code>`;

/** One operand's shape editor: a number field per dim, and buttons to add or drop a first dim. */
export function renderEditor(
  name: "a" | "b",
  shape: readonly number[],
  t: BroadcastingStrings,
  disabled: boolean,
): string {
  const off = disabled ? " disabled" : "";
  const fields = shape
    .map(
      (n, i) =>
        `<input type="number" inputmode="numeric" min="0" max="${MAX_SIZE}" step="1" value="${n}" data-operand="${name}" data-dim="${i}" aria-label="${esc(
          fill(t.size, { name, i }),
        )}"${off} />`,
    )
    .join('<span aria-hidden="true">, </span>');
  const comma = shape.length === 1 ? '<span aria-hidden="true">,</span>' : "";
  return `<fieldset class="tl-bc-shape" data-operand="${name}"><legend>${code(
    fill(t.shapeOf, { name }),
  )}</legend><span class="tl-bc-fields"><span aria-hidden="true">(</span>${fields}${comma}<span aria-hidden="true">)</span></span><button type="button" data-action="add" data-operand="${name}" aria-label="${esc(
    fill(t.addDimLabel, { name }),
  )}"${shape.length >= MAX_DIMS ? " disabled" : off}>${esc(t.addDim)}</button><button type="button" data-action="drop" data-operand="${name}" aria-label="${esc(
    fill(t.dropDimLabel, { name }),
  )}"${shape.length === 0 ? " disabled" : off}>${esc(t.dropDim)}</button></fieldset>`;
}

/** A preset's label: the two shapes as Python tuples, joined by the operator. */
export function presetLabel(s: Shapes): string {
  return `${pyTuple(s.a)} ${s.inplace ? "+=" : "+"} ${pyTuple(s.b)}`;
}

function alignment(columns: Column[], outcome: Outcome, t: BroadcastingStrings): string {
  if (outcome.kind === "invalid") return "";
  const mark = (c: Column): string => (c.marked ? " is-marked" : "");
  const mismatch = outcome.kind === "error" && outcome.reason.kind === "mismatch";
  const grow = outcome.kind === "error" && outcome.reason.kind === "grow";
  const head = columns
    .map(
      (c) =>
        `<th scope="col" class="${mark(c)}">${esc(fill(t.column, { i: c.dim }))}${
          c.marked && mismatch ? `<span class="tl-bc-note">${esc(t.noMatch)}</span>` : ""
        }</th>`,
    )
    .join("");
  const cell = (c: Column, size: number | null, stretched: boolean, isA: boolean): string => {
    const cls = [size === null ? "is-padded" : "", stretched ? "is-stretched" : "", mark(c).trim()];
    const notes: string[] = [];
    if (size === null) notes.push(t.padded);
    if (stretched && c.out !== null) notes.push(fill(t.stretchedBy, { n: c.out }));
    if (isA && grow && c.marked) notes.push(t.cannotGrow);
    return `<td class="${cls.filter(Boolean).join(" ")}"><span class="tl-bc-size">${size ?? 1}</span>${notes
      .map((n) => `<span class="tl-bc-note">${esc(n)}</span>`)
      .join("")}</td>`;
  };
  const rowA = columns.map((c) => cell(c, c.a, c.stretchedA, true)).join("");
  const rowB = columns.map((c) => cell(c, c.b, c.stretchedB, false)).join("");
  const rows = [
    `<tr><th scope="row">${code("a")}</th>${rowA}</tr>`,
    `<tr><th scope="row">${code("b")}</th>${rowB}</tr>`,
  ];
  if (!mismatch) {
    const label = outcome.shapes.inplace && !grow ? t.resultInplace : t.result;
    rows.push(
      `<tr class="tl-bc-out"><th scope="row">${esc(label)}</th>${columns
        .map((c) => `<td class="${mark(c).trim()}"><span class="tl-bc-size">${c.out}</span></td>`)
        .join("")}</tr>`,
    );
  }
  return `<table class="tl-bc-align"><thead><tr><td></td>${head}</tr></thead><tbody>${rows.join(
    "",
  )}</tbody></table>`;
}

function dimList(dims: number[], t: BroadcastingStrings): string {
  const list =
    dims.length === 1
      ? String(dims[0])
      : `${dims.slice(0, -1).join(t.listSeparator)}${t.listLast}${dims[dims.length - 1]}`;
  return fill(dims.length === 1 ? t.dimOne : t.dimMany, { list });
}

/** Which operand is stretched along which dims: where expanding it gave stride 0. */
function stretchSentence(columns: Column[], t: BroadcastingStrings): string {
  const items: string[] = [];
  for (const name of ["a", "b"] as const) {
    const dims = columns
      .filter((c) => (name === "a" ? c.stretchedA : c.stretchedB))
      .map((c) => c.dim);
    if (dims.length > 0)
      items.push(fill(t.stretchedItem, { name: code(name), dims: dimList(dims, t) }));
  }
  return items.length === 0
    ? esc(t.notStretched)
    : fill(esc(t.stretched), { list: items.join(esc(t.itemSeparator)) });
}

/** A grid of values at `shape`, one block per index of the leading dims (as PyTorch prints). */
function grid(
  name: string,
  heading: string,
  shape: readonly number[],
  values: readonly number[],
  sources: readonly number[] | null,
  operandShape: readonly number[],
  t: BroadcastingStrings,
  role: string,
): string {
  const cols = shape.length === 0 ? 1 : (shape[shape.length - 1] as number);
  const rows = shape.length <= 1 ? 1 : (shape[shape.length - 2] as number);
  const perBlock = Math.max(1, rows * cols);
  const seen = new Set<number>();
  const index = (idx: number[]) => (idx.length === 0 ? "" : `[${idx.join(", ")}]`);
  const blocks: string[] = [];
  for (let start = 0; start < values.length; start += perBlock) {
    const items: string[] = [];
    for (let p = start; p < Math.min(start + perBlock, values.length); p++) {
      const v = values[p] as number;
      const src = sources ? (sources[p] as number) : p;
      const copy = sources !== null && seen.has(src);
      seen.add(src);
      const own = index(multiIndex(p, shape));
      const label = copy
        ? fill(t.copyLabel, {
            name,
            index: own,
            v,
            src: `${name}${index(multiIndex(src, operandShape))}`,
          })
        : fill(t.elementLabel, { name, index: own, v });
      items.push(
        `<span class="tl-bc-el${copy ? " is-copy" : ""}" role="listitem" tabindex="-1" data-pos="${p}" data-src="${role}:${src}" aria-label="${esc(
          label,
        )}">${esc(v)}</span>`,
      );
    }
    const lead = shape.length > 2 ? multiIndex(start, shape).slice(0, -2) : [];
    const head = lead.length > 0 ? `<span class="tl-block-label">[${lead.join(", ")}]</span>` : "";
    blocks.push(
      `<div class="tl-block">${head}<div class="tl-grid" role="list" style="--cols:${cols}">${items.join("")}</div></div>`,
    );
  }
  return `<div class="tl-bc-values" data-role="${role}"><p class="tl-label">${code(heading)}</p><div class="tl-blocks" data-cols="${cols}">${blocks.join("")}</div></div>`;
}

function values(outcome: Extract<Outcome, { kind: "ok" }>, t: BroadcastingStrings): string {
  const { result, shapes } = outcome;
  const out = result.shape;
  // One value per element of the result: its element count, as the engine computed it.
  const n = result.values.length;
  if (n === 0) return `<p class="tl-label">${esc(t.empty)}</p>`;
  if (n > MAX_VALUES)
    return `<p class="tl-label">${esc(fill(t.tooMany, { n: MAX_VALUES, m: n }))}</p>`;
  const same = (s: readonly number[]) => s.length === out.length && s.every((d, i) => d === out[i]);
  const expr = (name: "a" | "b", s: readonly number[]) =>
    same(s) ? name : `${name}.expand(${out.join(", ")})`;
  const resultHeading = shapes.inplace ? t.resultInplace : "c = a + b";
  return `<p class="tl-label">${esc(t.values)}</p><div class="tl-bc-triple">${[
    grid("a", expr("a", shapes.a), out, outcome.expandedA, result.sourcesA, shapes.a, t, "a"),
    grid("b", expr("b", shapes.b), out, outcome.expandedB, result.sourcesB, shapes.b, t, "b"),
    grid(shapes.inplace ? "a" : "c", resultHeading, out, result.values, null, out, t, "c"),
  ].join("")}</div>`;
}

/** The figure's body for one outcome. */
export function renderOutcome(outcome: Outcome, t: BroadcastingStrings): string {
  if (outcome.kind === "invalid") {
    return `<p class="tl-bc-error" data-kind="invalid">${esc(
      fill(t.invalid, { dims: MAX_DIMS, max: MAX_SIZE }),
    )}</p>`;
  }
  const parts: string[] = [
    `<p class="tl-label">${esc(t.code)}</p><pre class="tl-bc-code"><code>${esc(outcome.code)}</code></pre>`,
    alignment(outcome.columns, outcome, t),
  ];
  const op = outcome.shapes.inplace ? "a += b" : "c = a + b";
  if (outcome.kind === "ok") {
    parts.push(
      `<p class="tl-bc-summary" data-kind="ok">${fill(t.ok, {
        op: code(op),
        shape: code(pySize(outcome.result.shape)),
      })} ${stretchSentence(outcome.columns, t)}</p>`,
    );
    parts.push(values(outcome, t));
  } else {
    parts.push(
      `<div class="tl-bc-error tl-error-box" data-kind="error"><p>${esc(t.error)}</p><pre>${esc(
        `${outcome.type}: ${outcome.message}`,
      )}</pre></div>`,
    );
    const r = outcome.reason;
    parts.push(
      r.kind === "mismatch"
        ? `<p class="tl-bc-why" data-dim="${r.dim}">${fill(esc(t.mismatch), {
            dim: r.dim,
            sizeA: r.sizeA,
            sizeB: r.sizeB,
            a: code("a"),
            b: code("b"),
            unsqueeze: code("b[..., None]"),
          })}</p>`
        : `<p class="tl-bc-why" data-dims="${outcome.columns
            .filter((c) => c.marked)
            .map((c) => c.dim)
            .join(",")}">${fill(esc(t.grow), {
            shape: code(pySize(r.shape)),
            shapeA: code(pySize(outcome.shapes.a)),
            a: code("a"),
            inplaceOp: code("a += b"),
            newOp: code("c = a + b"),
          })}</p>`,
    );
  }
  return parts.join("");
}
