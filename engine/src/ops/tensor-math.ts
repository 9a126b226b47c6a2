// Tensor methods and torch functions for elementwise math, generated from the op names:
// x.add(y), x.add_(y), torch.add(x, y, out), comparisons, logical ops, clamp, pow, where.
// The math itself is in elementwise.ts; this file only names it the way PyTorch does.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { resultType, type Scalar, scalarValue } from "../core/dtype.ts";
import { runtimeError } from "../core/errors.ts";
import { broadcastAll } from "../core/shape.ts";
import { backendFor, Tensor } from "../tensor.ts";
import { binary, binaryInPlace, unary, unaryInPlace } from "./elementwise.ts";
import {
  commonDevice,
  inPlace,
  isTensor,
  operandOf,
  operandView,
  sumToShape,
  type TensorLike,
} from "./helpers.ts";

export const BINARY_METHODS = [
  "add",
  "sub",
  "mul",
  "div",
  "floor_divide",
  "remainder",
  "fmod",
  "pow",
  "maximum",
  "minimum",
  "atan2",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "logical_and",
  "logical_or",
  "logical_xor",
] as const;
export const UNARY_METHODS = [
  "neg",
  "abs",
  "sign",
  "square",
  "exp",
  "expm1",
  "log",
  "log2",
  "log10",
  "log1p",
  "sqrt",
  "rsqrt",
  "reciprocal",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "sigmoid",
  "relu",
  "floor",
  "ceil",
  "trunc",
  "round",
  "frac",
  "logical_not",
  "isnan",
  "isinf",
  "isfinite",
] as const;

type BinaryName = (typeof BINARY_METHODS)[number];
type UnaryName = (typeof UNARY_METHODS)[number];
type BinaryMethods = { [K in BinaryName]: (other: TensorLike) => Tensor } & {
  [K in BinaryName as `${K}_`]: (other: TensorLike) => Tensor;
};
type UnaryMethods = { [K in UnaryName]: () => Tensor } & {
  [K in UnaryName as `${K}_`]: () => Tensor;
};

declare module "../tensor.ts" {
  interface Tensor extends BinaryMethods, UnaryMethods {
    clamp(min?: number | null, max?: number | null): Tensor;
    clamp_(min?: number | null, max?: number | null): Tensor;
    where(condition: Tensor, other: TensorLike): Tensor;
    masked_fill(mask: Tensor, value: TensorLike): Tensor;
    masked_fill_(mask: Tensor, value: TensorLike): Tensor;
    rsub(other: TensorLike): Tensor;
  }
}

const proto = Tensor.prototype as unknown as Record<string, unknown>;
for (const name of BINARY_METHODS) {
  proto[name] = function (this: Tensor, other: TensorLike) {
    // x ** scalar is its own kernel (PowBackward0); x ** tensor is PowBackward1.
    if (name === "pow" && !isTensor(other)) return unary("pow_scalar", this, [scalarValue(other)]);
    return binary(name, this, other);
  };
  proto[`${name}_`] = function (this: Tensor, other: TensorLike) {
    return binaryInPlace(name, this, other);
  };
}
for (const name of UNARY_METHODS) {
  proto[name] = function (this: Tensor) {
    return unary(name, this);
  };
  proto[`${name}_`] = function (this: Tensor) {
    return unaryInPlace(name, this);
  };
}

function clampParams(min?: number | null, max?: number | null): number[] {
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  }
  return [min ?? Number.NEGATIVE_INFINITY, max ?? Number.POSITIVE_INFINITY];
}

Tensor.prototype.clamp = function (this: Tensor, min?: number | null, max?: number | null) {
  return unary("clamp", this, clampParams(min, max));
};
Tensor.prototype.clamp_ = function (this: Tensor, min?: number | null, max?: number | null) {
  return unaryInPlace("clamp", this, clampParams(min, max));
};
Tensor.prototype.rsub = function (this: Tensor, other: TensorLike) {
  return binary("sub", other, this, undefined, "RsubBackward1");
};

/** torch.where(condition, x, y) with broadcasting over all three. */
export function where(condition: Tensor, x: TensorLike, y: TensorLike): Tensor {
  if (condition.dtype !== "bool") {
    throw runtimeError(
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${dtypeTitle(condition.dtype)}`,
    );
  }
  const dtype = resultType([operandOf(x), operandOf(y)]);
  const device = commonDevice([condition, x, y]);
  const shape = broadcastAll([
    condition.shape,
    isTensor(x) ? x.shape : [],
    isTensor(y) ? y.shape : [],
  ]);
  const out = Tensor.empty(shape, dtype, device);
  backendFor(device).where(
    operandView(condition, "bool", shape, device),
    operandView(x, dtype, shape, device),
    operandView(y, dtype, shape, device),
    out.v(),
  );
  const tx = isTensor(x) ? x : null;
  const ty = isTensor(y) ? y : null;
  // d where(c, x, y) = (g where c else 0, 0 where c else g).
  recordOp("WhereBackward0", [tx, ty], [out], (node) => {
    const sc = node.save(condition);
    return ([g]) => {
      const c = sc.unpack();
      const gg = g as Tensor;
      return [
        tx && node.needs(0) ? sumToShape(gg.masked_fill(c.logical_not(), 0), tx.shape) : null,
        ty && node.needs(1) ? sumToShape(gg.masked_fill(c, 0), ty.shape) : null,
      ];
    };
  });
  return out;
}

const dtypeTitle = (d: string): string =>
  ({ float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" })[d] ?? d;

Tensor.prototype.where = function (this: Tensor, condition: Tensor, other: TensorLike) {
  return where(condition, this, other);
};

/** masked_fill(mask, value): value where mask is true; the mask broadcasts to self. */
function maskedFill(self: Tensor, mask: Tensor, value: TensorLike): Tensor {
  if (mask.dtype !== "bool") {
    throw runtimeError(
      `masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype === "int64" ? "long int" : mask.dtype}`,
    );
  }
  if (isTensor(value) && value.ndim !== 0) {
    throw runtimeError(
      `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.ndim} dimension(s).`,
    );
  }
  const v: Scalar = isTensor(value) ? (value.item() as number) : value;
  const out = Tensor.empty(self.shape, self.dtype, self.deviceType);
  const shape = self.shape;
  backendFor(self.deviceType).where(
    operandView(mask, "bool", shape, self.deviceType),
    operandView(v, self.dtype, shape, self.deviceType),
    self.v(),
    out.v(),
  );
  recordOp("MaskedFillBackward0", [self], [out], (node) => {
    const sm = node.save(mask);
    return ([g]) => [(g as Tensor).masked_fill(sm.unpack(), 0)];
  });
  return out;
}

Tensor.prototype.masked_fill = function (this: Tensor, mask: Tensor, value: TensorLike) {
  return maskedFill(this, mask, value);
};
Tensor.prototype.masked_fill_ = function (this: Tensor, mask: Tensor, value: TensorLike) {
  return inPlace(
    this,
    [value],
    false,
    () => {
      const r = noGrad(() => maskedFill(this, mask, value));
      backendFor(this.deviceType).copy(r.v(), this.v());
    },
    (alias) => maskedFill(alias, mask, value),
  );
};
