// Turns a Python subscript (`x[0, 1:3, None, ..., mask, [2, 0]]`) into basic steps (views:
// select/slice/unsqueeze) plus an optional advanced index, following PyTorch 1.13's
// applySlicing and index() rules, error texts included. Reads index tensors (bounds checks,
// mask nonzero) but never touches the indexed tensor's data.

import { indexError, valueError } from "../core/errors.ts";
import { fmtShape, numelOf } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { tensor } from "./creation.ts";
import type { AdvancedIndex } from "./index-locate.ts";

/** A Python slice; absent or null fields take Python's defaults. */
export interface SliceSpec {
  readonly start?: number | null;
  readonly stop?: number | null;
  readonly step?: number | null;
}
export type NestedIndex = readonly (number | boolean | NestedIndex)[];
/** One element of a subscript tuple: int, slice, None, Ellipsis, bool, index tensor or list. */
export type IndexSpec = number | SliceSpec | null | "..." | boolean | Tensor | NestedIndex;

export type BasicStep =
  | { readonly kind: "select"; readonly dim: number; readonly index: number }
  | {
      readonly kind: "slice";
      readonly dim: number;
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number;
    }
  | { readonly kind: "unsqueeze"; readonly dim: number };

export interface ResolvedIndex {
  /** View steps, applied in order (each step's dim refers to the result of the previous). */
  readonly steps: readonly BasicStep[];
  /** Shape after the steps. */
  readonly viewShape: readonly number[];
  /** The advanced part, applied to the view; null for pure basic indexing. */
  readonly adv: AdvancedIndex | null;
}

const isSlice = (s: IndexSpec): s is SliceSpec =>
  typeof s === "object" && s !== null && !Array.isArray(s) && !(s instanceof Tensor);

/** Applies basic steps to t, recording their backward like the view ops themselves. */
export function applySteps(t: Tensor, steps: readonly BasicStep[]): Tensor {
  let r = t;
  for (const s of steps) {
    if (s.kind === "select") r = r.select(s.dim, s.index);
    else if (s.kind === "slice") r = r.slice(s.dim, s.start, s.stop, s.step);
    else r = r.unsqueeze(s.dim);
  }
  return r;
}

/** A Python list used as an index becomes a bool tensor if it holds only bools, else int64. */
function listToTensor(list: NestedIndex): Tensor {
  const flat = (list as unknown[]).flat(Number.POSITIVE_INFINITY);
  const allBool = flat.length > 0 && flat.every((v) => typeof v === "boolean");
  return tensor(list as never, { dtype: allBool ? "bool" : "int64" });
}

function specifiedDims(specs: readonly IndexSpec[]): number {
  let n = 0;
  for (const s of specs) {
    if (s instanceof Tensor) n += s.dtype === "bool" ? s.ndim : 1;
    else if (typeof s === "number" || isSlice(s)) n += 1;
  }
  return n;
}

/** Resolves `specs` against a tensor of `shape`, with PyTorch's IndexErrors. */
export function resolveIndex(
  shape: readonly number[],
  rawSpecs: readonly IndexSpec[],
): ResolvedIndex {
  const specs = rawSpecs.map((s) => (Array.isArray(s) ? listToTensor(s as NestedIndex) : s));
  const ndim = shape.length;
  const specified = specifiedDims(specs);
  if (specified > ndim) throw indexError(`too many indices for tensor of dimension ${ndim}`);
  const cur = [...shape];
  const steps: BasicStep[] = [];
  const recorded: (Tensor | null)[] = [];
  let dim = 0;
  let realDim = 0;
  const record = (t: Tensor): void => {
    while (recorded.length < dim) recorded.push(null);
    recorded[dim] = t;
    dim++;
  };
  const select = (index: number): void => {
    const size = cur[dim] as number;
    if (index < -size || index >= size)
      throw indexError(
        `index ${index} is out of bounds for dimension ${realDim} with size ${size}`,
      );
    steps.push({ kind: "select", dim, index });
    cur.splice(dim, 1);
    realDim++;
  };
  const unsqueeze = (): void => {
    steps.push({ kind: "unsqueeze", dim });
    cur.splice(dim, 0, 1);
  };
  for (const s of specs) {
    if (typeof s === "number" && !Number.isInteger(s)) {
      throw indexError(
        "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)",
      );
    }
    if (typeof s === "number") select(s);
    else if (s === null) {
      unsqueeze();
      dim++;
    } else if (s === "...") {
      dim += ndim - specified;
      realDim += ndim - specified;
    } else if (typeof s === "boolean") {
      // x[True] adds a dim and indexes it with [0]; x[False] with an empty index.
      unsqueeze();
      record(tensor(s ? [0] : [], { dtype: "int64" }));
    } else if (s instanceof Tensor) {
      if (s.ndim === 0 && s.dtype !== "bool" && (s.dtype === "int64" || s.dtype === "int32")) {
        select(Number(s.item()));
      } else if (s.ndim === 0 && s.dtype === "bool") {
        unsqueeze();
        record(tensor(s.item() ? [0] : [], { dtype: "int64" }));
      } else {
        record(s);
      }
      realDim++;
    } else if (isSlice(s)) {
      const step = s.step ?? 1;
      if (step === 0) throw valueError("slice step cannot be zero");
      if (step < 0) throw valueError("step must be greater than zero");
      const size = cur[dim] as number;
      const r = { kind: "slice", dim, start: s.start ?? null, stop: s.stop ?? null, step } as const;
      steps.push(r);
      cur[dim] = sliceLength(size, r.start, r.stop, step);
      dim++;
      realDim++;
    }
  }
  const adv = recorded.some((t) => t !== null) ? advancedIndex(cur, recorded) : null;
  return { steps, viewShape: cur, adv };
}

function sliceLength(
  size: number,
  start: number | null,
  stop: number | null,
  step: number,
): number {
  const clamp = (v: number | null, dflt: number): number =>
    v === null ? dflt : Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = clamp(start, 0);
  const e = Math.max(clamp(stop, size), s);
  return Math.ceil((e - s) / step);
}

/** Host copy of an index tensor's values (int64 is stored as doubles). */
const valuesOf = (t: Tensor): ArrayLike<number> => t.contiguous().dataSync();

/**
 * PyTorch's index(): masks expand to their nonzero coordinates (one index per mask dim), the
 * index tensors broadcast together, and their dims stay in place when adjacent, else go first.
 */
export function advancedIndex(
  shape: readonly number[],
  recorded: readonly (Tensor | null)[],
): AdvancedIndex {
  const expanded: (Tensor | null | { shape: number[]; values: Float64Array })[] = [];
  const trusted = new Set<ArrayLike<number>>();
  recorded.forEach((t) => {
    if (t === null) {
      expanded.push(null);
      return;
    }
    if (t.dtype !== "bool" && t.dtype !== "int64")
      throw indexError("tensors used as indices must be long, byte or bool tensors");
    if (t.dtype !== "bool") {
      expanded.push(t);
      return;
    }
    const start = expanded.length;
    for (let j = 0; j < t.ndim; j++) {
      if (t.shape[j] !== shape[start + j]) {
        throw indexError(
          `The shape of the mask ${fmtShape(t.shape)} at index ${j} does not match the shape of the indexed tensor ${fmtShape(shape)} at index ${start + j}`,
        );
      }
    }
    for (const column of nonzeroColumns(t)) {
      trusted.add(column);
      expanded.push({ shape: [column.length], values: column });
    }
  });
  while (expanded.length > 0 && expanded[expanded.length - 1] === null) expanded.pop();
  if (expanded.length > shape.length)
    throw indexError(`too many indices for tensor of dimension ${shape.length}`);
  const dims: number[] = [];
  const shapes: number[][] = [];
  const vals: ArrayLike<number>[] = [];
  expanded.forEach((e, d) => {
    if (e === null) return;
    dims.push(d);
    if (e instanceof Tensor) {
      shapes.push([...e.shape]);
      vals.push(valuesOf(e));
    } else {
      shapes.push(e.shape);
      vals.push(e.values);
    }
  });
  const indexShape = broadcastIndexShapes(shapes);
  const n = numelOf(indexShape);
  const coords = dims.map((d, k) => {
    const size = shape[d] as number;
    const src = vals[k] as ArrayLike<number>;
    // Mask coordinates are in range by construction; reuse them when no broadcast is needed.
    if (trusted.has(src) && (shapes[k] as number[])[0] === n && indexShape.length === 1)
      return src as Float64Array;
    const strides = broadcastStrides(shapes[k] as number[], indexShape);
    const out = new Float64Array(n);
    let i = 0;
    forEachOffset(indexShape, strides, (o) => {
      const raw = src[o] as number;
      if (raw < -size || raw >= size)
        throw indexError(`index ${raw} is out of bounds for dimension ${k} with size ${size}`);
      out[i++] = raw < 0 ? raw + size : raw;
    });
    return out;
  });
  const adjacent = dims.every((d, k) => d === (dims[0] as number) + k);
  return { dims, coords, indexShape, at: adjacent ? (dims[0] as number) : 0 };
}

function broadcastIndexShapes(shapes: readonly number[][]): number[] {
  const n = Math.max(...shapes.map((s) => s.length));
  const out = new Array<number>(n).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = n - s.length + i;
      const a = out[j] as number;
      const b = s[i] as number;
      if (a !== b && a !== 1 && b !== 1) {
        throw indexError(
          `shape mismatch: indexing tensors could not be broadcast together with shapes ${shapes.map(fmtShape).join(", ")}`,
        );
      }
      out[j] = a === 1 ? b : a;
    }
  }
  return out;
}

function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const lead = target.length - shape.length;
  const contiguous = shape.map((_, i) => numelOf(shape.slice(i + 1)));
  return target.map((_, i) =>
    i < lead || shape[i - lead] === 1 ? 0 : (contiguous[i - lead] as number),
  );
}

function forEachOffset(
  shape: readonly number[],
  strides: readonly number[],
  visit: (o: number) => void,
): void {
  const walk = (d: number, base: number): void => {
    if (d === shape.length) {
      visit(base);
      return;
    }
    for (let i = 0; i < (shape[d] as number); i++) walk(d + 1, base + i * (strides[d] as number));
  };
  walk(0, 0);
}

/** Coordinates of the true/nonzero elements of t, one column per dim, in row-major order. */
export function nonzeroColumns(t: Tensor): Float64Array[] {
  const v = valuesOf(t);
  let count = 0;
  for (let i = 0; i < v.length; i++) if ((v[i] as number) !== 0) count++;
  const nd = t.ndim;
  const columns = t.shape.map(() => new Float64Array(count));
  // Walk the coordinates with an odometer instead of dividing every flat index.
  const at = new Array<number>(nd).fill(0);
  let k = 0;
  for (let i = 0; i < v.length; i++) {
    if ((v[i] as number) !== 0) {
      for (let d = 0; d < nd; d++) (columns[d] as Float64Array)[k] = at[d] as number;
      k++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      at[d] = (at[d] as number) + 1;
      if ((at[d] as number) < (t.shape[d] as number)) break;
      at[d] = 0;
    }
  }
  return columns;
}
