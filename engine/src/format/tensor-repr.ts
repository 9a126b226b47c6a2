// repr(tensor) / print(tensor) as PyTorch 1.13 writes them (torch._tensor_str._str),
// plus the small reprs around it: torch.Size, dtypes and Python scalars from item().
// Input is a plain description of the tensor (shape, dtype, values, autograd facts);
// this module must not import the tensor core, which calls into it.

import { type PrintOptions, printOptions } from "./print-options.ts";
import { pyIntStr, pyRepr } from "./py-float.ts";
import { numelOf, type TensorValues, tensorBodyStr, valueGetter } from "./tensor-str.ts";

/** dtype names as PyTorch spells them after "torch.". */
export type FormatDtype =
  | "float32"
  | "float64"
  | "float16"
  | "bfloat16"
  | "int64"
  | "int32"
  | "int16"
  | "int8"
  | "uint8"
  | "bool";

/** Everything repr(tensor) depends on. */
export interface TensorPrintSource {
  /** Sizes; [] for a 0-d tensor. */
  shape: readonly number[];
  dtype: FormatDtype;
  /**
   * Elements in logical row-major order (not storage order), or a getter by
   * flat index. Bools as 0/1. float32/float16 values already rounded to their
   * dtype. int64 may be bigint. Only printed elements are read.
   */
  values: TensorValues;
  /** str(tensor.device), e.g. "cpu" (default, not shown) or "cuda:0". */
  device?: string;
  /** tensor.requires_grad; shown only when there is no grad_fn. */
  requiresGrad?: boolean;
  /** type(tensor.grad_fn).__name__, e.g. "MulBackward0"; null/undefined for leaves. */
  gradFnName?: string | null;
  /** An nn.Parameter: the repr is prefixed with "Parameter containing:\n". */
  isParameter?: boolean;
}

/** Per-call overrides: any print option, and torch.get_default_dtype(). */
export interface FormatTensorOptions extends Partial<PrintOptions> {
  /** torch.get_default_dtype(); decides which float dtype goes unmentioned. Default "float32". */
  defaultDtype?: "float32" | "float64";
}

const FLOAT_DTYPES: ReadonlySet<string> = new Set(["float32", "float64", "float16", "bfloat16"]);

/** str(torch.float32) -> "torch.float32". */
export function reprDtype(dtype: FormatDtype): string {
  return `torch.${dtype}`;
}

/** repr(torch.Size(shape)) -> "torch.Size([2, 3])". */
export function reprSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/** str(tuple(shape)) -> "(2, 3)", "(0,)", "()". */
export function reprTuple(items: readonly number[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** str(t.item()): what Python prints for an element pulled out as a Python scalar. */
export function pyScalarStr(value: number | bigint, dtype: FormatDtype): string {
  if (dtype === "bool") return value === 0 || value === 0n ? "False" : "True";
  if (FLOAT_DTYPES.has(dtype)) return pyRepr(Number(value));
  return pyIntStr(value);
}

/**
 * Appends ", suffix" items, moving one to its own line when the current line
 * would pass linewidth (torch._tensor_str._add_suffixes).
 */
function addSuffixes(
  tensorStr: string,
  suffixes: readonly string[],
  indent: number,
  linewidth: number,
): string {
  const parts = [tensorStr];
  // PyTorch's arithmetic, quirk included: with no newline this is len + 2.
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf("\n") + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(`,\n${" ".repeat(indent)}${suffix}`);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(`, ${suffix}`);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(")");
  return parts.join("");
}

/**
 * repr(t) (equal to str(t) and to what print(t) writes), byte-identical to
 * PyTorch 1.13, e.g. "tensor([1., 2.], dtype=torch.float64, requires_grad=True)".
 * Options default to the live printOptions.
 */
export function formatTensor(t: TensorPrintSource, options: FormatTensorOptions = {}): string {
  const { defaultDtype = "float32", ...overrides } = options;
  const opts: PrintOptions = { ...printOptions, ...stripUndefined(overrides) };
  const prefix = "tensor(";
  const indent = prefix.length;
  const suffixes: string[] = [];

  const device = t.device ?? "cpu";
  if (device !== "cpu") suffixes.push(`device='${device}'`);

  let body: string;
  if (numelOf(t.shape) === 0) {
    // NumPy-style: the shape is spelled out unless it is (0,), and the dtype
    // always unless it is the default float type.
    if (t.shape.length !== 1) suffixes.push(`size=${reprTuple(t.shape)}`);
    if (t.dtype !== defaultDtype) suffixes.push(`dtype=${reprDtype(t.dtype)}`);
    body = "[]";
  } else {
    const hasDefaultDtype = t.dtype === defaultDtype || t.dtype === "int64" || t.dtype === "bool";
    if (!hasDefaultDtype) suffixes.push(`dtype=${reprDtype(t.dtype)}`);
    const kind = t.dtype === "bool" ? "bool" : FLOAT_DTYPES.has(t.dtype) ? "float" : "int";
    body = tensorBodyStr({ shape: t.shape, kind, get: valueGetter(t.values) }, indent, opts);
  }

  if (t.gradFnName !== undefined && t.gradFnName !== null)
    suffixes.push(`grad_fn=<${t.gradFnName}>`);
  else if (t.requiresGrad === true) suffixes.push("requires_grad=True");

  const repr = addSuffixes(prefix + body, suffixes, indent, opts.linewidth);
  return t.isParameter === true ? `Parameter containing:\n${repr}` : repr;
}

function stripUndefined(o: Partial<PrintOptions>): Partial<PrintOptions> {
  const out: Partial<PrintOptions> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
