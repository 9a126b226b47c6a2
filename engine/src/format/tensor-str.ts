// The bracketed body of a tensor repr (torch._tensor_str._tensor_str in 1.13):
// nested brackets, indentation, "..." summarization and 1-D line wrapping.
// Elements are read through a getter by row-major index, and only the elements
// that will be printed are ever read, so printing a huge tensor stays cheap.

import { type ElementKind, makeElementFormatter } from "./element-formatter.ts";
import type { PrintOptions } from "./print-options.ts";

/**
 * A tensor's elements in logical row-major order: an array-like (Float32Array,
 * number[], BigInt64Array...) or a getter by flat index. Bools are 0/1; float32
 * values are the exact float32 numbers.
 */
export type TensorValues =
  | ArrayLike<number>
  | ArrayLike<bigint>
  | ((flatIndex: number) => number | bigint);

/** Turns any TensorValues into a getter by flat index. */
export function valueGetter(values: TensorValues): (flatIndex: number) => number | bigint {
  if (typeof values === "function") return values;
  const arr = values as ArrayLike<number | bigint>;
  return (i) => arr[i] as number | bigint;
}

/** Number of elements of a shape (1 for a 0-d tensor). */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * The index ranges of one dimension that are printed, and whether "..." separates
 * them: one range when the dimension is printed whole, head and tail when summarized.
 */
type Span =
  | { ranges: [[number, number]]; ellipsis: false }
  | { ranges: [[number, number], [number, number]]; ellipsis: true };

function spanOf(size: number, isLastDim: boolean, summarize: boolean, edgeitems: number): Span {
  if (!summarize || size <= 2 * edgeitems) return { ranges: [[0, size]], ellipsis: false };
  if (edgeitems === 0 && !isLastDim) {
    // get_summarized_data stacks an empty list here; PyTorch raises RuntimeError.
    const error = new Error("stack expects a non-empty TensorList");
    error.name = "RuntimeError";
    throw error;
  }
  // The tail is Python's self[-edgeitems:], so edgeitems == 0 means the whole row.
  const tailStart = edgeitems === 0 ? 0 : size - edgeitems;
  return {
    ranges: [
      [0, edgeitems],
      [tailStart, size],
    ],
    ellipsis: true,
  };
}

/** Row-major strides of a contiguous tensor of this shape. */
function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d] as number;
  }
  return strides;
}

/** What the body printer needs to know about a (nonempty) tensor. */
export interface BodySource {
  shape: readonly number[];
  kind: ElementKind;
  get: (flatIndex: number) => number | bigint;
}

/**
 * The body of the repr, e.g. "[[1., 2.],\n        [3., 4.]]" for indent 7
 * (the width of "tensor("). The tensor must have at least one element.
 */
export function tensorBodyStr(src: BodySource, indent: number, opts: PrintOptions): string {
  const { shape, get } = src;
  const rank = shape.length;
  const strides = rowMajorStrides(shape);
  const summarize = numelOf(shape) > opts.threshold;
  const { edgeitems } = opts;

  // Reads exactly the elements the layout prints (PyTorch's get_summarized_data),
  // once each, in printing order; rendering then consumes them in that order.
  const printed: Array<number | bigint> = [];
  const collect = (d: number, offset: number): void => {
    if (d === rank) {
      printed.push(get(offset));
      return;
    }
    const { ranges } = spanOf(shape[d] as number, d === rank - 1, summarize, edgeitems);
    for (const [from, to] of ranges) {
      for (let i = from; i < to; i++) collect(d + 1, offset + i * (strides[d] as number));
    }
  };
  collect(0, 0);

  const formatter = makeElementFormatter(src.kind, printed, opts);
  if (rank === 0) return formatter.format(printed[0] as number | bigint);

  let cursor = 0;
  const next = (): string => formatter.format(printed[cursor++] as number | bigint);
  const render = (d: number, ind: number): string => {
    const span = spanOf(shape[d] as number, d === rank - 1, summarize, edgeitems);
    if (d === rank - 1) return vectorStr(span, ind, next, formatter.width, opts.linewidth);
    const head = span.ranges[0];
    const slices: string[] = [];
    for (let i = head[0]; i < head[1]; i++) slices.push(render(d + 1, ind + 1));
    if (span.ellipsis) {
      const tail = span.ranges[1];
      slices.push("...");
      for (let i = tail[0]; i < tail[1]; i++) slices.push(render(d + 1, ind + 1));
    }
    // Sub-tensors of rank r are separated by r - 1 blank-line breaks.
    return `[${slices.join(`,${"\n".repeat(rank - d - 1)}${" ".repeat(ind + 1)}`)}]`;
  };
  return render(0, indent);
}

/** One innermost row, wrapped so each line holds as many elements as fit in linewidth. */
function vectorStr(
  span: Span,
  indent: number,
  next: () => string,
  width: number,
  linewidth: number,
): string {
  const elementLength = width + 2; // ", " between elements
  const perLine = Math.max(1, Math.floor((linewidth - indent) / elementLength));
  const data: string[] = [];
  const head = span.ranges[0];
  for (let i = head[0]; i < head[1]; i++) data.push(next());
  if (span.ellipsis) {
    const tail = span.ranges[1];
    data.push(" ...");
    for (let i = tail[0]; i < tail[1]; i++) data.push(next());
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(", "));
  return `[${lines.join(`,\n${" ".repeat(indent + 1)}`)}]`;
}
