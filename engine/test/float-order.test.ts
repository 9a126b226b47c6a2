// Float results whose last bits depend on how PyTorch 1.13's CPU kernels compute them (AVX2,
// one thread): sums and means in their order, exp/log/sigmoid as SLEEF's, softmax, the losses,
// var/std. Every case of fixtures/float-order.json (test/float-order-cases.ts), bit for bit, on
// the CPU engine. A missing fixture fails.

import { describe, expect, it } from "vitest";
import { hashValues, loadFixture, MISSING, runCase } from "./float-order-cases.ts";

const fixture = loadFixture();

describe("float reductions in PyTorch's CPU order (fixtures/float-order.json)", () => {
  if (fixture === null) {
    it("has its fixture file", () => {
      throw new Error(MISSING);
    });
    return;
  }
  it("has its cases", () => expect(fixture.cases.length).toBeGreaterThan(300));
  it("rebuilds the generator's inputs", () => {
    const { seed, values } = fixture.probe;
    expect(Array.from(hashValues(seed, values.length))).toEqual(values);
  });
  for (const c of fixture.cases) {
    it(c.name, () => {
      const y = runCase(c);
      expect(y.shape).toEqual(c.out.shape);
      expect(y.dtype).toBe(c.out.dtype);
      const got = Array.from(y.contiguous().dataSync());
      // Bit for bit: the first differing element, not a tolerance.
      const at = got.findIndex((v, i) => !Object.is(v, c.out.values[i]));
      expect(at === -1 ? null : { at, got: got[at], want: c.out.values[at] }).toBeNull();
      expect(got.length).toBe(c.out.values.length);
    });
  }
});
