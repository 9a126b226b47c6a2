// Loads engine/fixtures/nn.json (written by gen_nn.py under PyTorch 1.13) for the nn, optim,
// data and random-factory tests, and compares values with a float32 tolerance.
// A missing fixture throws, so the tests fail rather than skip.

import { existsSync, readFileSync } from "node:fs";
import type { Tensor } from "torchlit";
import { expect } from "vitest";

export interface Enc {
  shape: number[];
  dtype: string;
  values: number[];
}

const FIXTURE = new URL("../fixtures/nn.json", import.meta.url);

let cache: Record<string, unknown> | null = null;

/** The fixture section `name`; throws if nn.json is missing (run gen_nn.py). */
export function fixture<T>(name: string): T {
  if (cache === null) {
    if (!existsSync(FIXTURE)) {
      throw new Error(
        "engine/fixtures/nn.json is missing: run /usr/bin/python3 engine/fixtures/gen_nn.py",
      );
    }
    cache = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
  }
  const v = cache[name];
  if (v === undefined) throw new Error(`nn.json has no section ${name}`);
  return v as T;
}

/** Element-wise |a - e| <= atol + rtol * |e| (NaN equal to NaN), with a readable failure. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol = 1e-5,
  atol = 1e-6,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      expect.fail(`element ${i}: got ${a}, expected ${e} (rtol ${rtol}, atol ${atol})`);
    }
  }
}

/** A tensor equal to an encoded fixture tensor: same shape and dtype, values within tolerance. */
export function expectTensor(t: Tensor, enc: Enc, rtol = 1e-5, atol = 1e-6): void {
  expect([...t.shape]).toEqual(enc.shape);
  expect(t.dtype).toBe(enc.dtype);
  expectClose(Array.from(t.dataSync()), enc.values, rtol, atol);
}

/** A tensor bit-identical to an encoded fixture tensor. */
export function expectExact(t: Tensor, enc: Enc): void {
  expect([...t.shape]).toEqual(enc.shape);
  expect(t.dtype).toBe(enc.dtype);
  expect(Array.from(t.dataSync())).toEqual(enc.values);
}
