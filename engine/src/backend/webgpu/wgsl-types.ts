// How engine dtypes live on the GPU: float32 as f32, int32 and int64 as i32 (int64 values are
// range-checked on upload), bool as u32. float64 has no WGSL type and is refused with the
// error PyTorch's MPS backend gives, naming float32 as the way out.
import type { DType } from "../../core/dtype.ts";
import { typeError } from "../../core/errors.ts";

export type WgslScalar = "f32" | "i32" | "u32";

export function wgslType(d: DType): WgslScalar {
  switch (d) {
    case "float32":
      return "f32";
    case "int32":
    case "int64":
      return "i32";
    case "bool":
      return "u32";
    case "float64":
      throw float64Error();
    default: {
      const never: never = d;
      throw new Error(`unknown dtype ${never}`);
    }
  }
}

export function float64Error(): Error {
  return typeError(
    "Cannot convert a WebGPU (cuda) Tensor to float64 dtype as WebGPU doesn't support float64. Please use float32 instead.",
  );
}

/** WGSL that converts a value of type `from` (in `expr`) to `to`. bool is 0/1. */
export function convert(expr: string, from: WgslScalar, to: WgslScalar, toBool = false): string {
  // A float is true unless it is +-0 (NaN included), read on the bits: compilers may assume
  // floats are never NaN and fold a comparison.
  if (toBool && from === "f32")
    return `select(0u, 1u, (bitcast<u32>(${expr}) & 0x7fffffffu) != 0u)`;
  if (toBool) return `select(0u, 1u, ${expr} != ${zero(from)})`;
  if (from === to) return expr;
  return `${to}(${expr})`;
}

export const zero = (t: WgslScalar): string => (t === "f32" ? "0.0" : t === "i32" ? "0i" : "0u");

/** Bytes per element on the GPU (every dtype we allow is 32-bit there). */
export const GPU_ITEMSIZE = 4;
