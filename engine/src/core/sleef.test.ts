// The bulk check is fixtures/float-order.json (test/float-order.test.ts): exp, log and sigmoid
// over 20,000 inputs each, bit for bit against PyTorch. Here: the edges of each function.
import { describe, expect, it } from "vitest";
import { sleefExpf, sleefLogf, sleefSigmoidf } from "./sleef.ts";

describe("SLEEF's float32 exp and log", () => {
  it("exp: 1 at 0, 0 below -104, infinity above 100, NaN through", () => {
    expect(sleefExpf(0)).toBe(1);
    expect(sleefExpf(-0)).toBe(1);
    expect(sleefExpf(-105)).toBe(0);
    expect(sleefExpf(101)).toBe(Number.POSITIVE_INFINITY);
    expect(sleefExpf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(sleefExpf(Number.NaN)).toBeNaN();
  });
  it("exp stays within an ulp of the true value and is a float32", () => {
    for (const x of [-87.3, -10.5, -1, 0.5, 1, 2.25, 20, 88.7]) {
      const v = sleefExpf(Math.fround(x));
      expect(Math.fround(v)).toBe(v);
      expect(Math.abs(v - Math.exp(Math.fround(x)))).toBeLessThanOrEqual(v * 2 ** -23);
    }
  });
  it("log: -inf at 0, NaN below 0, infinity at infinity, subnormals scaled first", () => {
    expect(sleefLogf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(sleefLogf(-1)).toBeNaN();
    expect(sleefLogf(Number.NaN)).toBeNaN();
    expect(sleefLogf(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(sleefLogf(1)).toBe(0);
    const tiny = Math.fround(1e-40); // subnormal in float32
    expect(Math.abs(sleefLogf(tiny) - Math.log(tiny))).toBeLessThan(1e-4);
  });
  it("sigmoid is 1 / (exp(-x) + 1): 0.5 at 0, 0 and 1 at the ends", () => {
    expect(sleefSigmoidf(0)).toBe(0.5);
    expect(sleefSigmoidf(-200)).toBe(0);
    expect(sleefSigmoidf(200)).toBe(1);
  });
});
