// Data types of the engine and PyTorch's type-promotion rules.
// int64 is held in a Float64Array: exact for |x| <= 2^53, which covers what a course prints;
// this module only describes dtypes, it allocates nothing.

export type DType = "float32" | "float64" | "int64" | "int32" | "bool";
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export interface DTypeInfo {
  /** Bytes per element as PyTorch counts them (int64 is 8 even though we hold it in a double). */
  readonly itemsize: number;
  readonly isFloat: boolean;
  readonly isInt: boolean;
  readonly isBool: boolean;
  /** PyTorch's legacy type name used in error texts, e.g. torch.FloatTensor. */
  readonly legacyName: string;
  readonly array: new (n: number) => TypedArray;
}

export const DTYPES: Record<DType, DTypeInfo> = {
  float32: {
    itemsize: 4,
    isFloat: true,
    isInt: false,
    isBool: false,
    legacyName: "torch.FloatTensor",
    array: Float32Array,
  },
  float64: {
    itemsize: 8,
    isFloat: true,
    isInt: false,
    isBool: false,
    legacyName: "torch.DoubleTensor",
    array: Float64Array,
  },
  int64: {
    itemsize: 8,
    isFloat: false,
    isInt: true,
    isBool: false,
    legacyName: "torch.LongTensor",
    array: Float64Array,
  },
  int32: {
    itemsize: 4,
    isFloat: false,
    isInt: true,
    isBool: false,
    legacyName: "torch.IntTensor",
    array: Int32Array,
  },
  bool: {
    itemsize: 1,
    isFloat: false,
    isInt: false,
    isBool: true,
    legacyName: "torch.BoolTensor",
    array: Uint8Array,
  },
};

export const isFloating = (d: DType): boolean => DTYPES[d].isFloat;
export const isIntegral = (d: DType, includeBool: boolean): boolean =>
  DTYPES[d].isInt || (includeBool && DTYPES[d].isBool);

let defaultDtype: DType = "float32";
export const getDefaultDtype = (): DType => defaultDtype;
export function setDefaultDtype(d: DType): void {
  if (!isFloating(d))
    throw new TypeError("only floating-point types are supported as the default type");
  defaultDtype = d;
}

/** Rank in the promotion lattice bool < int32 < int64 < float32 < float64. */
const RANK: Record<DType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };
const BY_RANK: DType[] = ["bool", "int32", "int64", "float32", "float64"];

/** torch.promote_types for the dtypes we hold: the lattice is a total order here. */
export function promoteTypes(a: DType, b: DType): DType {
  return BY_RANK[Math.max(RANK[a], RANK[b])] as DType;
}

/** Category order used when operands of different "tiers" meet: bool < integer < float. */
const category = (d: DType): number => (DTYPES[d].isBool ? 0 : DTYPES[d].isInt ? 1 : 2);

/**
 * One operand as result_type sees it: a tensor with dims, a zero-dim tensor, or a Python scalar
 * ("wrapped number"): bool, int (int64) or float (the default dtype).
 */
export type Operand =
  | { kind: "tensor"; dtype: DType; ndim: number }
  | { kind: "scalar"; value: Scalar };

/**
 * A Python float that happens to be integral (2.0). JavaScript cannot tell 2 from 2.0, so the
 * Python layer wraps float literals in this to keep PyTorch's promotion (int tensor * 2.0 -> float).
 */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** A scalar operand: a JS number is an int when integral, else a float. */
export type Scalar = number | boolean | PyFloat;

export const scalarValue = (v: Scalar): number =>
  v instanceof PyFloat ? v.value : typeof v === "boolean" ? (v ? 1 : 0) : v;

/** The dtype a scalar has as a wrapped number: bool, int64, or the default float dtype. */
export function scalarDtype(v: Scalar): DType {
  if (typeof v === "boolean") return "bool";
  if (v instanceof PyFloat) return getDefaultDtype();
  return Number.isInteger(v) ? "int64" : getDefaultDtype();
}

// combine_categories from ATen: a higher tier wins unless it is bool or the lower tier is a float.
function combine(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null || isFloating(higher)) return higher;
  if (higher === "bool" || isFloating(lower)) return promoteTypes(higher, lower);
  return higher;
}

/** torch.result_type over tensors and scalars, following ATen's ResultTypeState. */
export function resultType(operands: readonly Operand[]): DType {
  let dim: DType | null = null;
  let zero: DType | null = null;
  let wrapped: DType | null = null;
  for (const op of operands) {
    if (op.kind === "scalar") {
      const d = scalarDtype(op.value);
      wrapped = wrapped === null ? d : promoteTypes(wrapped, d);
    } else if (op.ndim === 0) {
      zero = zero === null ? op.dtype : promoteTypes(zero, op.dtype);
    } else {
      dim = dim === null ? op.dtype : promoteTypes(dim, op.dtype);
    }
  }
  const r = combine(dim, combine(zero, wrapped));
  return r ?? getDefaultDtype();
}

/** Casting rule for in-place ops and out=: can a result of type `from` be stored in `to`? */
export function canCast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}

/** Converts a JS number to what a dtype would store (truncation toward zero for ints, as C casts). */
export function castValue(v: number, d: DType): number {
  switch (d) {
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
    case "int64":
    case "int32":
      return castToInt(v, d === "int64" ? 64 : 32);
    case "bool":
      return v !== 0 ? 1 : 0;
    default: {
      const never: never = d;
      throw new Error(`unknown dtype ${never}`);
    }
  }
}

/**
 * C's float-to-integer cast: truncation toward zero. Out of range (nan and inf included) it is
 * undefined in C; x86's cvttsd2si gives the minimum integer, which is what PyTorch prints. The
 * `+ 0` turns -0 into 0: an integer has no negative zero.
 */
export function castToInt(v: number, bits: 32 | 64): number {
  const t = Math.trunc(v);
  const lim = 2 ** (bits - 1);
  return t >= -lim && t < lim ? t + 0 : -lim;
}

export const DTYPE_NAMES: readonly DType[] = BY_RANK;
