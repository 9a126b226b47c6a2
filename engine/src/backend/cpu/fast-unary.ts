// Hand-written row kernels for hot unary ops and for copy. Like fast-binary.ts, each op is its
// own function literal so V8 inlines its math (the shared table loop in cpu-backend.ts goes
// polymorphic); the math itself is the op table's own `cpu` function, so results are identical.
import type { TypedArray } from "../../core/dtype.ts";
import { UNARY, type UnaryOp } from "../../core/elementwise-defs.ts";

/** y[yi + k*ys] = op(x[xi + k*xs], p) for k < n. */
export type UnaryRowKernel = (
  x: TypedArray,
  xi: number,
  xs: number,
  y: TypedArray,
  yi: number,
  ys: number,
  n: number,
  p: readonly number[],
) => void;

const fn = (name: UnaryOp): ((x: number, p: readonly number[]) => number) => UNARY[name].cpu;
const reluF = fn("relu");
const negF = fn("neg");
const squareF = fn("square");
const expF = fn("exp");
const expF32 = UNARY.exp.cpuF32;

// Unit-stride loops index zero-based subarrays (see fast-binary.ts for why).
const relu: UnaryRowKernel = (x, xi, xs, y, yi, ys, n, p) => {
  if (xs === 1 && ys === 1) {
    const [xv, yv] = [x.subarray(xi, xi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = reluF(xv[i] as number, p);
  } else for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = reluF(x[xi] as number, p);
};
const neg: UnaryRowKernel = (x, xi, xs, y, yi, ys, n, p) => {
  if (xs === 1 && ys === 1) {
    const [xv, yv] = [x.subarray(xi, xi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = negF(xv[i] as number, p);
  } else for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = negF(x[xi] as number, p);
};
const square: UnaryRowKernel = (x, xi, xs, y, yi, ys, n, p) => {
  if (xs === 1 && ys === 1) {
    const [xv, yv] = [x.subarray(xi, xi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = squareF(xv[i] as number, p);
  } else for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = squareF(x[xi] as number, p);
};
const exp: UnaryRowKernel = (x, xi, xs, y, yi, ys, n, p) => {
  if (y instanceof Float32Array) {
    // PyTorch's float32 exp (SLEEF), not the correctly rounded one (core/sleef.ts)
    for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = expF32(Math.fround(x[xi] as number));
    return;
  }
  if (xs === 1 && ys === 1) {
    const [xv, yv] = [x.subarray(xi, xi + n), y.subarray(yi, yi + n)];
    for (let i = 0; i < n; i++) yv[i] = expF(xv[i] as number, p);
  } else for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = expF(x[xi] as number, p);
};

export const FAST_UNARY: Readonly<Record<string, UnaryRowKernel>> = { relu, neg, square, exp };

/**
 * Copy with conversion: element assignment semantics (ToInt32, ToUint8, float rounding), which
 * TypedArray.prototype.set applies natively to unit-stride runs of any pair of array types.
 */
export const copyRow: UnaryRowKernel = (x, xi, xs, y, yi, ys, n) => {
  if (xs === 1 && ys === 1) y.set(x.subarray(xi, xi + n), yi);
  else for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = x[xi] as number;
};
