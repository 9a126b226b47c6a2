// The memory layout of an elementwise result, as PyTorch 1.13's TensorIterator chooses it
// (TensorIteratorBase::fast_set_up, reorder_dimensions, allocate_or_resize_outputs): the
// output takes its inputs' layout, so x.t().exp() is transposed too. Pure stride arithmetic
// over the inputs' shapes and strides; it allocates nothing and knows no tensors.
import { isContiguous, type Shape } from "./shape.ts";

/** An operand's geometry; a Python scalar is a 0-dim operand, as ATen wraps it. */
export interface Geometry {
  readonly shape: Shape;
  readonly strides: Shape;
}

/** Whether `strides` are exactly the row-major strides of `shape` (no allocation). */
function exactlyContiguous(shape: Shape, strides: Shape): boolean {
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (strides[i] !== s) return false;
    s *= Math.max(shape[i] as number, 1);
  }
  return true;
}

function sameDims(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A result's layout: its strides, and its dims from slowest to fastest (the order in which to
 * hand a kernel its views so that the output is written sequentially).
 */
export interface Layout {
  readonly strides: number[];
  readonly order: number[];
}

/**
 * The layout TensorIterator gives the output of an elementwise op over `inputs` (in ATen's
 * operand order) broadcast to `shape`, or null when they are the contiguous ones. The rules:
 * - inputs all of one shape (a Python scalar or 0-dim tensor beside a larger one breaks this):
 *   all contiguous gives contiguous; all channels-last (4-d/5-d) gives channels-last; all
 *   non-overlapping and dense with equal strides gives those strides;
 * - otherwise the dims are sorted by the inputs' strides (reorder_dimensions), fastest first,
 *   and the output is dense in that order.
 */
export function iteratorLayout(shape: Shape, inputs: readonly Geometry[]): Layout | null {
  if (rowMajorWithoutSort(shape, inputs)) return null;
  if (oneShape(inputs)) {
    const fast = fastSetup(inputs);
    if (fast !== undefined) return fast;
  }
  return sortedLayout(shape, inputs);
}

// Plain loops, no closures or array helpers: this runs once per elementwise op, so small
// tensors feel every allocation (the first version, with closures, cost 1.4 µs per op).

function oneShape(inputs: readonly Geometry[]): boolean {
  const first = inputs[0];
  if (first === undefined) return false;
  for (let i = 1; i < inputs.length; i++) {
    if (!sameDims((inputs[i] as Geometry).shape, first.shape)) return false;
  }
  return true;
}

/** Row-major over exactly `shape`, or 0-dim (a Python scalar). */
function rowMajorOver(shape: Shape, g: Geometry): boolean {
  return g.shape.length === 0 || (sameDims(g.shape, shape) && exactlyContiguous(shape, g.strides));
}

/**
 * The common cases, decided without the sort. (1) Every tensor operand row-major over the
 * whole shape or 0-dim (a Python scalar): with equal strides the sort never swaps (a tie needs
 * a size-0 dim). (2) The first operand that is not 0-dim row-major over the whole shape, no
 * dim of size 0 or 1: its strides decide every pair of dims (strictly), so the others, with
 * broadcast dims or any layout, are never consulted.
 */
function rowMajorWithoutSort(shape: Shape, inputs: readonly Geometry[]): boolean {
  let n = 1;
  let allAbove1 = true;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i] as number;
    n *= s;
    if (s < 2) allAbove1 = false;
  }
  if (n === 0) return false;
  let all = true;
  let lead: Geometry | undefined;
  for (let i = 0; i < inputs.length; i++) {
    const g = inputs[i] as Geometry;
    if (lead === undefined && g.shape.length > 0) lead = g;
    if (all && !rowMajorOver(shape, g)) all = false;
  }
  if (all) return true;
  return allAbove1 && lead !== undefined && rowMajorOver(shape, lead);
}

/** fast_set_up for inputs of one shape: the layout they share, null for row-major, or undefined. */
function fastSetup(inputs: readonly Geometry[]): Layout | null | undefined {
  let contiguous = true;
  for (const g of inputs) if (!isContiguous(g.shape, g.strides)) contiguous = false;
  if (contiguous) return null;
  const { shape, strides } = inputs[0] as Geometry;
  if (shape.length === 4 || shape.length === 5) {
    let cl = true;
    for (const g of inputs) if (!isChannelsLast(g.shape, g.strides)) cl = false;
    if (cl) {
      const out = channelsLastStrides(shape);
      return { strides: out, order: slowestFirst(out) };
    }
  }
  for (let i = 1; i < inputs.length; i++) {
    if (!sameDims((inputs[i] as Geometry).strides, strides)) return undefined;
  }
  const order = slowestFirst(strides);
  // is_non_overlapping_and_dense, walking the dims from the fastest (size 0 and 1 dims skip).
  let want = 1;
  for (let j = order.length - 1; j >= 0; j--) {
    const d = order[j] as number;
    const size = shape[d] as number;
    if (size < 2) continue;
    if (strides[d] !== want) return undefined;
    want *= size;
  }
  return { strides: [...strides], order };
}

/** ATen's channels-last contiguity: C fastest, then W, H(, D), N; size-1 dims skipped. */
function isChannelsLast(shape: Shape, strides: Shape): boolean {
  const order = shape.length === 4 ? [1, 3, 2, 0] : [1, 4, 3, 2, 0];
  let expected = 1;
  for (const d of order) {
    const size = shape[d] as number;
    if (size === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= size;
  }
  return true;
}

/** get_channels_last_strides_2d / _3d: the dense strides with C fastest. */
function channelsLastStrides(shape: Shape): number[] {
  const order = shape.length === 4 ? [1, 3, 2, 0] : [1, 4, 3, 2, 0];
  const out = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (const d of order) {
    out[d] = s;
    s *= shape[d] as number;
  }
  return out;
}

/**
 * reorder_dimensions and the output's strides (compatible_stride, then invert_perm). perm[0]
 * is the fastest-moving dim; two dims are ordered by the first input whose strides tell them
 * apart (a broadcast dim, stride 0, tells nothing), equal strides putting the smaller size
 * first; an insertion sort keeps ambiguous pairs in row-major order.
 */
function sortedLayout(shape: Shape, inputs: readonly Geometry[]): Layout | null {
  const ndim = shape.length;
  if (ndim <= 1) return null;
  // Each input's strides over the broadcast shape, 0 where it is broadcast: input k's stride
  // of dim d at k * ndim + d.
  const k = inputs.length;
  const st = new Array<number>(k * ndim);
  for (let j = 0; j < k; j++) {
    const g = inputs[j] as Geometry;
    const lead = ndim - g.shape.length;
    for (let d = 0; d < ndim; d++) {
      st[j * ndim + d] =
        d < lead || (g.shape[d - lead] === 1 && shape[d] !== 1)
          ? 0
          : (g.strides[d - lead] as number);
    }
  }
  const perm = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) perm[i] = ndim - 1 - i;
  for (let i = 1; i < ndim; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(shape, st, k, perm[d0] as number, perm[d1] as number);
      if (c > 0) {
        const t = perm[d0] as number;
        perm[d0] = perm[d1] as number;
        perm[d1] = t;
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  let inverted = true;
  for (let j = 0; j < ndim; j++) if (perm[j] !== ndim - 1 - j) inverted = false;
  if (inverted) return null;
  // compatible_stride multiplies by the raw sizes: after a size-0 dim the strides are 0.
  const out = new Array<number>(ndim);
  let next = 1;
  for (let j = 0; j < ndim; j++) {
    const d = perm[j] as number;
    out[d] = next;
    next *= shape[d] as number;
  }
  return { strides: out, order: perm.reverse() };
}

/** reorder_dimensions' should_swap: 1 if d0 goes after d1, -1 if before, 0 if ambiguous. */
function shouldSwap(
  shape: Shape,
  st: readonly number[],
  k: number,
  d0: number,
  d1: number,
): number {
  const ndim = shape.length;
  for (let j = 0; j < k; j++) {
    const s0 = st[j * ndim + d0] as number;
    const s1 = st[j * ndim + d1] as number;
    if (s0 === 0 || s1 === 0) continue;
    if (s0 !== s1) return s0 < s1 ? -1 : 1;
    if ((shape[d0] as number) > (shape[d1] as number)) return 1;
  }
  return 0;
}

/**
 * The dims of a tensor with these strides from slowest to fastest, ties in row-major order: the
 * order that walks a dense tensor in memory order (strided views stay correct in any order).
 */
export function slowestFirst(strides: Shape): number[] {
  const n = strides.length;
  const order = new Array<number>(n);
  // An insertion sort (n is a handful of dims): descending stride, stable.
  for (let i = 0; i < n; i++) {
    let j = i;
    const s = strides[i] as number;
    while (j > 0 && (strides[order[j - 1] as number] as number) < s) {
      order[j] = order[j - 1] as number;
      j--;
    }
    order[j] = i;
  }
  return order;
}
