// Elementwise ops: one generic path (type promotion, broadcasting, out=, in-place) over the
// kernel table in core/elementwise-defs.ts, with each op's gradient rule beside it in UGRADS and
// BGRADS: one entry per table op, a rule or the reason there is none, so a table op without a
// gradient does not compile. Gradient math is written with tensor ops, so create_graph gives
// higher derivatives for free.

import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import {
  canCast,
  type DType,
  getDefaultDtype,
  isFloating,
  resultType,
  type Scalar,
} from "../core/dtype.ts";
import {
  type BinaryOp,
  binaryDef,
  type DtypeRule,
  UNARY,
  type UnaryDef,
  type UnaryOp,
  unaryDef,
} from "../core/elementwise-defs.ts";
import { runtimeError } from "../core/errors.ts";
import { broadcastShapes } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import {
  checkOut,
  commonDevice,
  elementwiseOut,
  inPlace,
  isTensor,
  operandOf,
  operandView,
  permuteView,
  sumToShape,
  type TensorLike,
  typeName,
} from "./helpers.ts";

type G = Tensor;
/** Backward of a binary op: gradients for (a, b) given grad g, inputs and the result. */
type BinaryGrad = (g: G, a: Tensor, b: Tensor, out: Tensor) => [G | null, G | null];
type UnaryGrad = (g: G, x: Tensor, out: Tensor, p: readonly number[]) => G;

/** A table op PyTorch records no gradient node for, and why. */
export interface NotDifferentiable {
  readonly notDifferentiable: string;
}
const none = (why: string): NotDifferentiable => ({ notDifferentiable: why });
const BOOL_RESULT = none("its result is bool");
const INTEGER_ONLY = none("it computes on integers only");

interface BinaryGradDef {
  node: string;
  fn: BinaryGrad;
  /** Whether the rule reads `a` / `b` / the output (which must then be saved). */
  uses: { a?: boolean; b?: boolean; out?: boolean };
}

// d(a+b) = g, g;  d(a-b) = g, -g;  d(ab) = gb, ga;  d(a/b) = g/b, -g a/b^2.
export const BGRADS: { readonly [K in BinaryOp]: BinaryGradDef | NotDifferentiable } = {
  add: { node: "AddBackward0", uses: {}, fn: (g) => [g, g] },
  sub: { node: "SubBackward0", uses: {}, fn: (g) => [g, g.neg()] },
  mul: { node: "MulBackward0", uses: { a: true, b: true }, fn: (g, a, b) => [g.mul(b), g.mul(a)] },
  div: {
    node: "DivBackward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => [g.div(b), g.neg().mul(a).div(b.mul(b))],
  },
  // d(a^b)/da = b a^(b-1);  d(a^b)/db = a^b ln a (0 where a == 0 and b >= 0, as PyTorch masks it).
  pow: {
    node: "PowBackward1",
    uses: { a: true, b: true, out: true },
    fn: (g, a, b, out) => [
      g.mul(b).mul(a.pow(b.sub(1))),
      g.mul(out.mul(a.log()).masked_fill(a.eq(0).logical_and(b.ge(0)), 0)),
    ],
  },
  // Ties send half the gradient each way (PyTorch's maximum/minimum backward).
  maximum: {
    node: "MaximumBackward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => {
      const half = a.eq(b).to(g.dtype).mul(0.5);
      return [g.mul(a.gt(b).to(g.dtype).add(half)), g.mul(b.gt(a).to(g.dtype).add(half))];
    },
  },
  minimum: {
    node: "MinimumBackward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => {
      const half = a.eq(b).to(g.dtype).mul(0.5);
      return [g.mul(a.lt(b).to(g.dtype).add(half)), g.mul(b.lt(a).to(g.dtype).add(half))];
    },
  },
  // remainder(a, b) = a - floor(a/b) b.
  remainder: {
    node: "RemainderBackward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => [g, g.neg().mul(a.floor_divide(b))],
  },
  fmod: {
    node: "FmodBackward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => [g, g.neg().mul(a.div(b).trunc())],
  },
  // d atan2(a, b) = (b g, -a g) / (a^2 + b^2).
  atan2: {
    node: "Atan2Backward0",
    uses: { a: true, b: true },
    fn: (g, a, b) => {
      const r = a.mul(a).add(b.mul(b));
      return [g.mul(b).div(r), g.neg().mul(a).div(r)];
    },
  },
  // PyTorch 1.13 records a NotImplemented node, whose backward raises; the engine records none.
  floor_divide: none("PyTorch has no derivative for floor_divide"),
  pow_int32: INTEGER_ONLY,
  pow_int64: INTEGER_ONLY,
  eq: BOOL_RESULT,
  ne: BOOL_RESULT,
  lt: BOOL_RESULT,
  le: BOOL_RESULT,
  gt: BOOL_RESULT,
  ge: BOOL_RESULT,
  logical_and: BOOL_RESULT,
  logical_or: BOOL_RESULT,
  logical_xor: BOOL_RESULT,
  bitwise_and: INTEGER_ONLY,
  bitwise_or: INTEGER_ONLY,
  bitwise_xor: INTEGER_ONLY,
};

interface UnaryGradDef {
  node: string;
  fn: UnaryGrad;
  uses: { x?: boolean; out?: boolean };
}

export const UGRADS: { readonly [K in UnaryOp]: UnaryGradDef | NotDifferentiable } = {
  neg: { node: "NegBackward0", uses: {}, fn: (g) => g.neg() },
  abs: { node: "AbsBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.sign()) },
  sign: { node: "SignBackward0", uses: {}, fn: (g) => g.mul(0) },
  square: { node: "PowBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.mul(2)) },
  exp: { node: "ExpBackward0", uses: { out: true }, fn: (g, _x, y) => g.mul(y) },
  expm1: { node: "Expm1Backward0", uses: { out: true }, fn: (g, _x, y) => g.mul(y.add(1)) },
  log: { node: "LogBackward0", uses: { x: true }, fn: (g, x) => g.div(x) },
  log2: { node: "Log2Backward0", uses: { x: true }, fn: (g, x) => g.div(x.mul(Math.LN2)) },
  log10: { node: "Log10Backward0", uses: { x: true }, fn: (g, x) => g.div(x.mul(Math.LN10)) },
  log1p: { node: "Log1PBackward0", uses: { x: true }, fn: (g, x) => g.div(x.add(1)) },
  // d sqrt(x) = g / (2 sqrt(x));  d x^-1/2 = -g/2 x^-3/2.
  sqrt: { node: "SqrtBackward0", uses: { out: true }, fn: (g, _x, y) => g.div(y.mul(2)) },
  rsqrt: {
    node: "RsqrtBackward0",
    uses: { out: true },
    fn: (g, _x, y) => g.mul(y.pow(3).mul(-0.5)),
  },
  reciprocal: {
    node: "ReciprocalBackward0",
    uses: { out: true },
    fn: (g, _x, y) => g.neg().mul(y.mul(y)),
  },
  sin: { node: "SinBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.cos()) },
  cos: { node: "CosBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.sin().neg()) },
  tan: { node: "TanBackward0", uses: { out: true }, fn: (g, _x, y) => g.mul(y.mul(y).add(1)) },
  asin: {
    node: "AsinBackward0",
    uses: { x: true },
    fn: (g, x) => g.div(x.mul(x).neg().add(1).sqrt()),
  },
  acos: {
    node: "AcosBackward0",
    uses: { x: true },
    fn: (g, x) => g.neg().div(x.mul(x).neg().add(1).sqrt()),
  },
  atan: { node: "AtanBackward0", uses: { x: true }, fn: (g, x) => g.div(x.mul(x).add(1)) },
  sinh: { node: "SinhBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.cosh()) },
  cosh: { node: "CoshBackward0", uses: { x: true }, fn: (g, x) => g.mul(x.sinh()) },
  // tanh' = 1 - y^2;  sigmoid' = y (1 - y).
  tanh: {
    node: "TanhBackward0",
    uses: { out: true },
    fn: (g, _x, y) => g.mul(y.mul(y).neg().add(1)),
  },
  sigmoid: {
    node: "SigmoidBackward0",
    uses: { out: true },
    fn: (g, _x, y) => g.mul(y.mul(y.neg().add(1))),
  },
  relu: {
    node: "ReluBackward0",
    uses: { out: true },
    // threshold_backward: where(y <= 0, 0, g), so a negative g gives 0, not -0 as g * 0 would.
    fn: (g, _x, y) => g.masked_fill(y.le(0), 0),
  },
  floor: { node: "FloorBackward0", uses: {}, fn: (g) => g.mul(0) },
  ceil: { node: "CeilBackward0", uses: {}, fn: (g) => g.mul(0) },
  trunc: { node: "TruncBackward0", uses: {}, fn: (g) => g.mul(0) },
  round: { node: "RoundBackward0", uses: {}, fn: (g) => g.mul(0) },
  frac: { node: "FracBackward0", uses: {}, fn: (g) => g },
  // clamp passes the gradient where min <= x <= max.
  clamp: {
    node: "ClampBackward1",
    uses: { x: true },
    fn: (g, x, _y, p) =>
      g.mul(
        x
          .ge(p[0] as number)
          .logical_and(x.le(p[1] as number))
          .to(g.dtype),
      ),
  },
  // d x^p = p x^(p-1).
  pow_scalar: {
    node: "PowBackward0",
    uses: { x: true },
    fn: (g, x, _y, p) =>
      (p[0] as number) === 0 ? g.mul(0) : g.mul(x.pow((p[0] as number) - 1).mul(p[0] as number)),
  },
  silu: {
    node: "SiluBackward0",
    uses: { x: true },
    fn: (g, x) => {
      const s = x.sigmoid();
      return g.mul(s.mul(x.mul(s.neg().add(1)).add(1)));
    },
  },
  bitwise_not: INTEGER_ONLY,
  logical_not: BOOL_RESULT,
  isnan: BOOL_RESULT,
  isinf: BOOL_RESULT,
  isfinite: BOOL_RESULT,
  pow_scalar_int: INTEGER_ONLY,
};

/** Computation and result dtypes of an op for a promoted input dtype. */
function dtypesFor(rule: DtypeRule, promoted: DType): { compute: DType; result: DType } {
  switch (rule) {
    case "float": {
      const c = isFloating(promoted) ? promoted : getDefaultDtype();
      return { compute: c, result: c };
    }
    case "bool":
      return { compute: promoted, result: "bool" };
    case "logical":
      return { compute: promoted, result: "bool" };
    default:
      return { compute: promoted, result: promoted };
  }
}

function checkBoolOp(name: string, a: TensorLike, b: TensorLike): void {
  const isBoolT = (x: TensorLike) => (isTensor(x) ? x.dtype === "bool" : typeof x === "boolean");
  if (name === "sub" && isBoolT(a) && isBoolT(b)) {
    throw runtimeError(
      "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
    );
  }
  // ATen's sub_check rejects one bool operand as well (a Python True included).
  if (name === "sub" && (isBoolT(a) || isBoolT(b))) {
    throw runtimeError(
      "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  }
}

// ATen's kernel names for the integer-division family, as its dtype errors quote them.
const DIVISION_KERNELS: Record<string, string> = {
  floor_divide: "div_floor_cpu",
  remainder: "remainder_cpu",
  fmod: "fmod_cpu",
};

/**
 * Dtype checks ATen's kernels make once the computation dtype is known: the division family and
 * pow have no bool kernel, and integer division by zero raises (C would trap).
 */
function checkBinaryCompute(name: string, other: TensorLike, compute: DType): void {
  if (name.startsWith("bitwise_") && isFloating(compute)) {
    throw runtimeError(`"${name}_cpu" not implemented for '${typeName(compute)}'`);
  }
  const kernel = DIVISION_KERNELS[name];
  if (compute === "bool" && (kernel !== undefined || name === "pow")) {
    throw runtimeError(`"${kernel ?? "pow"}" not implemented for 'Bool'`);
  }
  if (kernel !== undefined) checkIntDivZero(other, compute);
}

/** The kernel that computes `name` in `compute`: integer pow wraps, so it has its own. */
function kernelFor(name: BinaryOp, compute: DType): BinaryOp {
  if (name === "pow" && (compute === "int64" || compute === "int32")) return `pow_${compute}`;
  return name;
}

// remainder and fmod of two tensors are the Tensor overloads (Backward1); with a Python scalar
// they are the Scalar overloads, whose nodes are Backward0.
const TENSOR_OVERLOAD_NODES: Record<string, string> = {
  remainder: "RemainderBackward1",
  fmod: "FmodBackward1",
};

/** Out-of-place or out= binary op with broadcasting and promotion. */
export function binary(
  op: string,
  a: TensorLike,
  b: TensorLike,
  out?: Tensor,
  nodeName?: string,
): Tensor {
  const def = binaryDef(op);
  if (!def) throw runtimeError(`unknown binary op ${op}`);
  const name = op as BinaryOp;
  checkBoolOp(name, a, b);
  const promoted = resultType([operandOf(a), operandOf(b)]);
  const { compute, result } = dtypesFor(def.rule, promoted);
  const device = commonDevice([a, b]);
  const shape = broadcastShapes(isTensor(a) ? a.shape : [], isTensor(b) ? b.shape : []);
  checkBinaryCompute(name, b, compute);
  const { y, order } = out
    ? { y: out, order: null }
    : elementwiseOut(shape, result, device, [a, b]);
  if (out) checkOut(out, result, shape, false, canCast);
  backendFor(device).binary(
    kernelFor(name, compute),
    permuteView(operandView(a, compute, shape, device), order),
    permuteView(operandView(b, compute, shape, device), order),
    permuteView(y.v(), order),
  );
  if (out) out.bumpVersion();
  const grad = BGRADS[name];
  if ("fn" in grad && (def.rule === "same" || def.rule === "float") && isFloating(result)) {
    const ta = isTensor(a) ? a : null;
    const tb = isTensor(b) ? b : null;
    const gradNode =
      nodeName ?? (ta && tb ? (TENSOR_OVERLOAD_NODES[name] ?? grad.node) : grad.node);
    recordOp(gradNode, [ta, tb], [y], (node) => {
      const sa = ta && grad.uses.a ? node.save(ta) : null;
      const sb = tb && grad.uses.b ? node.save(tb) : null;
      const so = grad.uses.out ? node.save(y, true) : null;
      const aShape = ta ? ta.shape : null;
      const bShape = tb ? tb.shape : null;
      return ([g]) => {
        const gg = g as Tensor;
        const av = sa ? sa.unpack() : scalarTensor(a, compute);
        const bv = sb ? sb.unpack() : scalarTensor(b, compute);
        const [ga, gb] = grad.fn(gg, av, bv, so ? so.unpack() : y);
        return [
          ga && aShape && node.needs(0) ? sumToShape(ga, aShape).to(ta?.dtype ?? gg.dtype) : null,
          gb && bShape && node.needs(1) ? sumToShape(gb, bShape).to(tb?.dtype ?? gg.dtype) : null,
        ];
      };
    });
  }
  return y;
}

function scalarTensor(x: TensorLike, dtype: DType): Tensor {
  if (isTensor(x)) return x;
  const v = typeof x === "boolean" ? (x ? 1 : 0) : typeof x === "number" ? x : x.value;
  return Tensor.fromArray([v], [], dtype);
}

function checkIntDivZero(b: TensorLike, compute: DType): void {
  if (isFloating(compute)) return;
  // A GPU tensor cannot be read synchronously here: its kernel flags a zero divisor on the GPU
  // and the next read (or synchronize) raises ZeroDivisionError.
  if (isTensor(b) && b.deviceType !== "cpu") return;
  const zero = isTensor(b) ? b.eq(0).any().item() : (typeof b === "number" ? b : Number(b)) === 0;
  if (zero) throw runtimeError("ZeroDivisionError");
}

/** In-place binary op (add_, mul_, ...): keeps self's identity, casts into self's dtype. */
export function binaryInPlace(op: string, self: Tensor, other: TensorLike): Tensor {
  const def = binaryDef(op);
  if (!def) throw runtimeError(`unknown binary op ${op}`);
  const name = op as BinaryOp;
  checkBoolOp(name, self, other);
  const promoted = resultType([operandOf(self), operandOf(other)]);
  const { compute, result } = dtypesFor(def.rule, promoted);
  const shape = broadcastShapes(self.shape, isTensor(other) ? other.shape : []);
  checkBinaryCompute(name, other, compute);
  checkOut(self, result, shape, true, canCast);
  const grad = BGRADS[name];
  return inPlace(
    self,
    [other],
    "fn" in grad && grad.uses.a === true,
    () => {
      const device = commonDevice([self, other]);
      backendFor(device).binary(
        kernelFor(name, compute),
        operandView(self, compute, shape, device),
        operandView(other, compute, shape, device),
        self.v(),
      );
    },
    (alias) => binary(name, alias, other).to(self.dtype),
  );
}

/** Elementwise unary op with optional scalar parameters (clamp bounds, pow exponent). */
export function unary(op: string, x: Tensor, params: readonly number[] = [], out?: Tensor): Tensor {
  const def = unaryDef(op);
  if (!def) throw runtimeError(`unknown unary op ${op}`);
  const name = op as UnaryOp;
  checkUnaryDtype(name, x.dtype);
  if (name === "bitwise_not" && x.dtype === "bool") return unary("logical_not", x, params, out);
  // square is pow(x, 2), whose bool input promotes with the int 2 to int64.
  if (name === "square" && x.dtype === "bool" && !out) return unary(name, x.to("int64"), params);
  const { compute, result } = dtypesFor(def.rule, x.dtype);
  const { y, order } = out
    ? { y: out, order: null }
    : elementwiseOut(x.shape, result, x.deviceType, [x]);
  if (out) checkOut(out, result, x.shape, false, canCast);
  backendFor(x.deviceType).unary(
    name,
    permuteView(operandView(x, compute, x.shape, x.deviceType), order),
    permuteView(y.v(), order),
    params,
  );
  if (out) out.bumpVersion();
  recordUnary(name, x, y, params);
  return y;
}

function recordUnary(name: UnaryOp, x: Tensor, y: Tensor, params: readonly number[]): void {
  const grad = UGRADS[name];
  if (!("fn" in grad) || !isFloating(y.dtype)) return;
  recordOp(grad.node, [x], [y], (node) => {
    const sx = grad.uses.x ? node.save(x) : null;
    const so = grad.uses.out ? node.save(y, true) : null;
    return ([g]) => [grad.fn(g as Tensor, sx ? sx.unpack() : x, so ? so.unpack() : y, params)];
  });
}

/** The dtype errors ATen raises for a unary op, with the kernel name its message quotes. */
function checkUnaryDtype(name: UnaryOp, dtype: DType): void {
  const def: UnaryDef = UNARY[name];
  const kernel = def.kernel ?? name;
  // Python's ~ on a float tensor is refused before this (a TypeError, by torch/_tensor.py).
  if (name === "bitwise_not" && isFloating(dtype)) {
    throw runtimeError(`"bitwise_not_cpu" not implemented for '${typeName(dtype)}'`);
  }
  if (def.floatOnly && !isFloating(dtype)) {
    throw runtimeError(`"${kernel}" not implemented for '${typeName(dtype)}'`);
  }
  if (!def.noBool || dtype !== "bool") return;
  if (name === "neg") {
    throw runtimeError(
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  }
  if (name === "relu") throw runtimeError("Boolean inputs not supported for relu");
  throw runtimeError(`"${kernel}" not implemented for 'Bool'`);
}

export function unaryInPlace(op: string, self: Tensor, params: readonly number[] = []): Tensor {
  if (op === "bitwise_not" && self.dtype === "bool")
    return unaryInPlace("logical_not", self, params);
  const def = unaryDef(op);
  if (!def) throw runtimeError(`unknown unary op ${op}`);
  const name = op as UnaryOp;
  checkUnaryDtype(name, self.dtype);
  const { result } = dtypesFor(def.rule, self.dtype);
  checkOut(self, result, self.shape, true, canCast);
  return inPlace(
    self,
    [],
    true,
    () => backendFor(self.deviceType).unary(name, self.v(), self.v(), params),
    (alias) => unary(name, alias, params),
  );
}

export type { Scalar };
