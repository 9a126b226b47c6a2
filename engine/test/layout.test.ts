// Elementwise results keep their inputs' memory layout as PyTorch's TensorIterator chooses it
// (issue #14): every case of fixtures/layout.json (test/layout-cases.ts) on the CPU engine,
// shape, strides, is_contiguous and dtype exactly, values within float32 tolerance, and for
// the gradient cases the leaf's .grad the same way. A missing fixture fails.

import type { Tensor } from "torchlit";
import { allclose } from "torchlit/testing";
import { describe, expect, it } from "vitest";
import {
  type Described,
  geometry,
  loadFixture,
  MISSING,
  recordedGeometry,
  recordedValues,
  runCase,
} from "./layout-cases.ts";

const fixture = loadFixture();

function expectLike(t: Tensor, want: Described): void {
  expect(geometry(t)).toEqual(recordedGeometry(want));
  const expected = recordedValues(want);
  if (expected === null) return;
  const got = Array.from(t.contiguous().dataSync());
  expect(allclose(got, expected)).toBeNull();
}

describe("elementwise results take their inputs' layout (fixtures/layout.json)", () => {
  if (fixture === null) {
    it("has its fixture file", () => {
      throw new Error(MISSING);
    });
    return;
  }
  it("has its cases", () => expect(fixture.cases.length).toBeGreaterThan(500));
  for (const c of fixture.cases) {
    it(c.name, () => {
      const { y, leaf } = runCase(c, "cpu");
      expectLike(y, c.out);
      if (c.out.grad) expectLike(leaf?.grad as Tensor, c.out.grad);
    });
  }
});
