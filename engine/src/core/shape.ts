// Shape and stride arithmetic shared by every backend: contiguous strides, broadcasting,
// dim wrapping and the stride computation that decides whether a view is possible.
// Pure functions over number arrays; no tensors, no storage.
import { indexError, runtimeError } from "./errors.ts";

export type Shape = readonly number[];

export const numelOf = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i] as number, 1);
  }
  return strides;
}

export const fmtShape = (shape: Shape): string => `[${shape.join(", ")}]`;

/** maybe_wrap_dim: turns a negative dim into a positive one, raising PyTorch's IndexError. */
export function wrapDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    throw indexError(
      `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`,
    );
  }
  return dim < 0 ? dim + n : dim;
}

/** Where two shapes fail to broadcast: the result dim (counted after padding), and both sizes. */
export interface BroadcastMismatch {
  dim: number;
  sizeA: number;
  sizeB: number;
}

/**
 * ATen's infer_size with its failure point: the shapes aligned from the right, dim by dim from
 * the last, the first dim (from the right) where the sizes differ and neither is 1 stops it.
 * `shape` is the broadcast shape, or null with `mismatch` saying where it failed.
 */
export function broadcastGeometry(
  a: Shape,
  b: Shape,
): { shape: number[]; mismatch: null } | { shape: null; mismatch: BroadcastMismatch } {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const offA = i - (n - a.length);
    const offB = i - (n - b.length);
    const sa = offA >= 0 ? (a[offA] as number) : 1;
    const sb = offB >= 0 ? (b[offB] as number) : 1;
    if (sa !== sb && sa !== 1 && sb !== 1) {
      return { shape: null, mismatch: { dim: i, sizeA: sa, sizeB: sb } };
    }
    out[i] = sa === 1 ? sb : sa;
  }
  return { shape: out, mismatch: null };
}

/** Broadcasts two shapes with PyTorch's error text. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const g = broadcastGeometry(a, b);
  if (g.mismatch) {
    const { dim, sizeA, sizeB } = g.mismatch;
    throw runtimeError(
      `The size of tensor a (${sizeA}) must match the size of tensor b (${sizeB}) at non-singleton dimension ${dim}`,
    );
  }
  return g.shape;
}

export function broadcastAll(shapes: readonly Shape[]): number[] {
  let out: number[] = [];
  for (const s of shapes) out = broadcastShapes(out, s);
  return out;
}

/** Strides of a tensor expanded to `target` (stride 0 on broadcast dims), with expand's error. */
export function expandStrides(shape: Shape, strides: Shape, target: Shape): number[] {
  if (target.length < shape.length) {
    throw runtimeError(
      `expand(torch.FloatTensor{${fmtShape(shape)}}, size=${fmtShape(target)}): the number of sizes provided (${target.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`,
    );
  }
  const out = new Array<number>(target.length);
  const lead = target.length - shape.length;
  for (let i = target.length - 1; i >= 0; i--) {
    const j = i - lead;
    let size = target[i] as number;
    if (j < 0) {
      if (size < 0) {
        throw runtimeError(
          `The expanded size of the tensor (${size}) isn't allowed in a leading, non-existing dimension ${i}`,
        );
      }
      // ATen's inferExpandGeometry: a new dim of size 1 gets the stride a dim of size 1 in front
      // of the next one would have; a stretched one, 0; every dim of a 0-dim tensor, 0.
      const next = i + 1 < target.length ? (target[i + 1] as number) * (out[i + 1] as number) : 0;
      out[i] = size === 1 && shape.length > 0 ? next : 0;
      continue;
    }
    const have = shape[j] as number;
    if (size === -1) size = have;
    if (have === size) out[i] = strides[j] as number;
    else if (have === 1) out[i] = 0;
    else {
      throw runtimeError(
        `The expanded size of the tensor (${size}) must match the existing size (${have}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(target)}.  Tensor sizes: ${fmtShape(shape)}`,
      );
    }
  }
  return out;
}

/** infer_size: resolves one -1 in a view/reshape shape, with PyTorch's errors. */
export function inferSize(shape: Shape, numel: number): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i] as number;
    if (s === -1) {
      if (infer >= 0) throw runtimeError("only one dimension can be inferred");
      infer = i;
    } else if (s < 0) {
      throw runtimeError(`invalid shape dimension ${s}`);
    } else known *= s;
  }
  const out = [...shape];
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) {
      if (known === 0) {
        throw runtimeError(
          `cannot reshape tensor of 0 elements into shape ${fmtShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`,
        );
      }
      throw runtimeError(`shape '${fmtShape(shape)}' is invalid for input of size ${numel}`);
    }
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw runtimeError(`shape '${fmtShape(shape)}' is invalid for input of size ${numel}`);
  }
  return out;
}

/**
 * Where ATen's computeStride gave up: input dims `oldDims[0]` and `oldDims[1]` (adjacent) lie in
 * two different contiguous runs of memory (the stride of the first is `actual`, where one run
 * would need `expected`), and new dim `newDim` would have to span both.
 */
export interface ViewMismatch {
  readonly oldDims: readonly [number, number];
  readonly newDim: number;
  readonly expected: number;
  readonly actual: number;
}

/**
 * ATen's computeStride (aten/src/ATen/TensorUtils.cpp): the strides that let `newShape` view
 * memory laid out as (oldShape, oldStrides), or, when the view would need a copy, where it failed
 * (mismatch null only when the element counts differ, which callers rule out first).
 */
export function viewGeometry(
  oldShape: Shape,
  oldStrides: Shape,
  newShape: Shape,
): { strides: number[]; mismatch?: undefined } | { strides: null; mismatch: ViewMismatch | null } {
  const newStrides = new Array<number>(newShape.length).fill(0);
  if (oldShape.length === 0) return { strides: newStrides.fill(1) };
  const numel = numelOf(oldShape);
  if (numel === 0) {
    if (oldShape.length === newShape.length && oldShape.every((s, i) => s === newShape[i]))
      return { strides: [...oldStrides] };
    return { strides: contiguousStrides(newShape) };
  }
  let viewD = newShape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1] as number;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d] as number;
    if (
      d === 0 ||
      ((oldShape[d - 1] as number) !== 1 &&
        (oldStrides[d - 1] as number) !== tensorNumel * chunkBase)
    ) {
      while (viewD >= 0 && (viewNumel < tensorNumel || (newShape[viewD] as number) === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD] as number;
        viewD--;
      }
      if (viewNumel !== tensorNumel) {
        // With equal element counts this happens only at a run's boundary (d > 0): the new dim
        // placed last needs more elements than the run from d on holds.
        if (d === 0) return { strides: null, mismatch: null };
        const mismatch: ViewMismatch = {
          oldDims: [d - 1, d],
          newDim: viewD + 1,
          expected: tensorNumel * chunkBase,
          actual: oldStrides[d - 1] as number,
        };
        return { strides: null, mismatch };
      }
      if (d > 0) {
        chunkBase = oldStrides[d - 1] as number;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return { strides: null, mismatch: null };
  return { strides: newStrides };
}

/** The strides of viewGeometry, or null when the view would need a copy. */
export function viewStrides(oldShape: Shape, oldStrides: Shape, newShape: Shape): number[] | null {
  return viewGeometry(oldShape, oldStrides, newShape).strides;
}

export function isContiguous(shape: Shape, strides: Shape): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const s = shape[i] as number;
    if (s === 0) return true;
    if (s !== 1 && strides[i] !== expected) return false;
    expected *= s;
  }
  return true;
}

export const sameShape = (a: Shape, b: Shape): boolean =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Strides for a new tensor "like" one with this geometry, as PyTorch's preserve_format does for
 * empty_like, zeros_like and clone: a non-overlapping dense input keeps its strides exactly (a
 * transposed input stays transposed); any other input gets dense strides in the order of its
 * own strides (ATen's infer_dense_strides), which is contiguous for expanded or sliced inputs.
 */
export function preservedStrides(shape: Shape, strides: Shape): number[] {
  if (isNonOverlappingAndDense(shape, strides)) return [...strides];
  const n = shape.length;
  // perm[0] is the fastest-moving dim; ties and zero strides keep the contiguous order.
  const perm = Array.from({ length: n }, (_, i) => n - 1 - i);
  const cmp = (d0: number, d1: number): number => {
    const s0 = strides[d0] as number;
    const s1 = strides[d1] as number;
    if (s0 === 0 || s1 === 0) return 0;
    if (s0 !== s1) return s0 < s1 ? -1 : 1;
    return (shape[d0] as number) > (shape[d1] as number) ? 1 : 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = cmp(perm[d0] as number, perm[d1] as number);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1] as number, perm[d0] as number];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  const out = new Array<number>(n).fill(0);
  let cur = 1;
  for (const d of perm) {
    out[d] = cur;
    cur *= Math.max(shape[d] as number, 1);
  }
  return out;
}

/** ATen's is_non_overlapping_and_dense: the elements tile one block of memory exactly. */
export function isNonOverlappingAndDense(shape: Shape, strides: Shape): boolean {
  const n = shape.length;
  if (n === 1) return (shape[0] as number) < 2 || strides[0] === 1;
  const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const sa = shape[a] as number;
    const sb = shape[b] as number;
    if (sa < 2 || sb < 2) return (sa < 2 ? 1 : 0) - (sb < 2 ? 1 : 0);
    return (strides[a] as number) - (strides[b] as number);
  });
  let want = 1;
  for (const d of perm) {
    const size = shape[d] as number;
    if (size < 2) return true;
    if (strides[d] !== want) return false;
    want *= size;
  }
  return true;
}
