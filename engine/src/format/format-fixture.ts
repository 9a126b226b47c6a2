// Loads engine/fixtures/format.json (written by engine/fixtures/gen_format.py from
// real PyTorch 1.13) for the format tests and decodes its value encoding.
// Test support only: nothing in the engine imports it. A missing fixture throws,
// so the tests fail instead of skipping.

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FormatDtype } from "./tensor-repr.ts";

/** A JSON-encoded number: "inf", "-inf", "nan", "-0", or a decimal string for big integers. */
export type EncodedValue = number | string;

export interface FloatCase {
  x: EncodedValue;
  /** A Python format spec; "" means str(x). */
  spec: string;
  out: string;
}

export interface TensorCase {
  name: string;
  shape: number[];
  dtype: FormatDtype;
  /** All elements, row-major (absent when `sparse` is given). */
  values?: EncodedValue[];
  /** Only the printed elements, as [flatIndex, value]. */
  sparse?: Array<[number, EncodedValue]>;
  requires_grad?: boolean;
  grad_fn?: string;
  parameter?: boolean;
  device?: string;
  default_dtype?: "float32" | "float64";
  /** torch.set_printoptions kwargs; threshold null stands for inf. */
  options?: Record<string, number | boolean | string | null>;
  expected?: string;
  /** PyTorch raised RuntimeError with this message instead of printing. */
  error?: string;
}

export interface FormatFixture {
  torch_version: string;
  floats: FloatCase[];
  tensors: TensorCase[];
  sizes: Array<{ shape: number[]; expected: string }>;
  dtypes: Array<{ dtype: FormatDtype; expected: string }>;
  scalars: Array<{ dtype: FormatDtype; value: EncodedValue; expected: string }>;
  /** set_printoptions calls and reprs in program order: options persist between steps. */
  printoption_sequences: Array<Array<PrintoptionStep>>;
}

/** One step of a sequence: a torch.set_printoptions(**set) call, or a repr to match. */
export type PrintoptionStep =
  | { set: NonNullable<TensorCase["options"]> }
  | { tensor: Omit<TensorCase, "name" | "expected">; expected: string };

export const FIXTURE_PATH = fileURLToPath(new URL("../../fixtures/format.json", import.meta.url));

let cached: FormatFixture | undefined;

/** Reads the fixture once; throws with the regeneration command when it is missing. */
export function loadFormatFixture(): FormatFixture {
  if (cached !== undefined) return cached;
  if (!existsSync(FIXTURE_PATH)) {
    throw new Error(
      `missing ${FIXTURE_PATH}: regenerate it with /usr/bin/python3 engine/fixtures/gen_format.py`,
    );
  }
  cached = JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as FormatFixture;
  return cached;
}

/** Decodes one value of the fixture's encoding. */
export function decodeValue(v: EncodedValue): number | bigint {
  if (typeof v === "number") return v;
  switch (v) {
    case "inf":
      return Number.POSITIVE_INFINITY;
    case "-inf":
      return Number.NEGATIVE_INFINITY;
    case "nan":
      return Number.NaN;
    case "-0":
      return -0;
    default:
      if (!/^-?\d+$/.test(v)) throw new Error(`bad fixture value ${v}`);
      return BigInt(v);
  }
}

/** Decodes a float value; the fixture never stores bigints for floats. */
export function decodeFloat(v: EncodedValue): number {
  return Number(decodeValue(v));
}
