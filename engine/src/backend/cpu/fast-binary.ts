// Hand-written row kernels for the hottest binary ops. The generic table loop in cpu-backend.ts
// calls each op's scalar function through one shared closure body, whose call site V8 sees as
// polymorphic once several ops have run (measured ~10x slower); one literal per op keeps the
// arithmetic inlined. Results match the table's `cpu` functions exactly (same double math).
import type { TypedArray } from "../../core/dtype.ts";

/** y[yi + k*ys] = a[ai + k*as] op b[bi + k*bs] for k < n. */
export type RowKernel = (
  a: TypedArray,
  ai: number,
  as: number,
  b: TypedArray,
  bi: number,
  bs: number,
  y: TypedArray,
  yi: number,
  ys: number,
  n: number,
) => void;

// Each kernel repeats the same four loop shapes: all unit-stride, one side a broadcast scalar,
// then fully strided. Do not fold them into a helper taking the operator: that is the slowness
// this file exists to avoid. Unit-stride loops index zero-based subarrays: V8 compiled
// `y[yi + i]` over non-constant arrays 2-4x slower than `yv[i]` (Node 22, 1M floats).
const add: RowKernel = (a, ai, as, b, bi, bs, y, yi, ys, n) => {
  if (as === 1 && bs === 1 && ys === 1) {
    const [av, bv, yv] = [a.subarray(ai, ai + n), b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) + (bv[i] as number);
  } else if (as === 1 && bs === 0 && ys === 1) {
    const [av, s, yv] = [a.subarray(ai, ai + n), b[bi] as number, y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) + s;
  } else if (as === 0 && bs === 1 && ys === 1) {
    const [s, bv, yv] = [a[ai] as number, b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = s + (bv[i] as number);
  } else {
    for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
      y[yi] = (a[ai] as number) + (b[bi] as number);
  }
};

const sub: RowKernel = (a, ai, as, b, bi, bs, y, yi, ys, n) => {
  if (as === 1 && bs === 1 && ys === 1) {
    const [av, bv, yv] = [a.subarray(ai, ai + n), b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) - (bv[i] as number);
  } else if (as === 1 && bs === 0 && ys === 1) {
    const [av, s, yv] = [a.subarray(ai, ai + n), b[bi] as number, y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) - s;
  } else if (as === 0 && bs === 1 && ys === 1) {
    const [s, bv, yv] = [a[ai] as number, b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = s - (bv[i] as number);
  } else {
    for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
      y[yi] = (a[ai] as number) - (b[bi] as number);
  }
};

const mul: RowKernel = (a, ai, as, b, bi, bs, y, yi, ys, n) => {
  if (as === 1 && bs === 1 && ys === 1) {
    const [av, bv, yv] = [a.subarray(ai, ai + n), b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) * (bv[i] as number);
  } else if (as === 1 && bs === 0 && ys === 1) {
    const [av, s, yv] = [a.subarray(ai, ai + n), b[bi] as number, y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) * s;
  } else if (as === 0 && bs === 1 && ys === 1) {
    const [s, bv, yv] = [a[ai] as number, b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = s * (bv[i] as number);
  } else {
    for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
      y[yi] = (a[ai] as number) * (b[bi] as number);
  }
};

const div: RowKernel = (a, ai, as, b, bi, bs, y, yi, ys, n) => {
  if (as === 1 && bs === 1 && ys === 1) {
    const [av, bv, yv] = [a.subarray(ai, ai + n), b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) / (bv[i] as number);
  } else if (as === 1 && bs === 0 && ys === 1) {
    const [av, s, yv] = [a.subarray(ai, ai + n), b[bi] as number, y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) / s;
  } else if (as === 0 && bs === 1 && ys === 1) {
    const [s, bv, yv] = [a[ai] as number, b.subarray(bi, bi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = s / (bv[i] as number);
  } else {
    for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
      y[yi] = (a[ai] as number) / (b[bi] as number);
  }
};

// Comparisons write 0/1 into the (bool) output, as the table's `gt` does.
const gt: RowKernel = (a, ai, as, b, bi, bs, y, yi, ys, n) => {
  if (as === 1 && bs === 0 && ys === 1) {
    const [av, s, yv] = [a.subarray(ai, ai + n), b[bi] as number, y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = (av[i] as number) > s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
      y[yi] = (a[ai] as number) > (b[bi] as number) ? 1 : 0;
  }
};

export const FAST_BINARY: Readonly<Record<string, RowKernel>> = { add, sub, mul, div, gt };
