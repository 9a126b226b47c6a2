// PyTorch's own outputs for these are test/programs/57_median_kthvalue.py; here, the rules.
import { tensor } from "torchlit";
import { describe, expect, it } from "vitest";
import "./select.ts";

describe("median and kthvalue", () => {
  it("median along a dim picks, among equal values, the one at rank (n - 1) / 2 by index", () => {
    const r = tensor([2, 2, 2, 1, 3], { dtype: "float32" }).median(0);
    expect(r.values.item()).toBe(2);
    expect(r.indices.item()).toBe(1);
  });
  it("median is the first NaN of a slice that has one, and NaN overall", () => {
    const x = tensor([[2, Number.NaN, 1, Number.NaN]], { dtype: "float32" });
    expect(x.median(1).indices.item()).toBe(1);
    expect(Number.isNaN(x.median().item() as number)).toBe(true);
  });
  it("kthvalue puts NaN above every number and checks k", () => {
    const x = tensor([2, Number.NaN, 1, 3], { dtype: "float32" });
    expect(x.kthvalue(3).values.item()).toBe(3);
    expect(Number.isNaN(x.kthvalue(4).values.item() as number)).toBe(true);
    expect(() => x.kthvalue(5)).toThrow(
      "kthvalue(): selected number k out of range for dimension 0",
    );
  });
  it("median() of every element shares the gradient among the elements equal to it", () => {
    const x = tensor([1, 2, 2, 3], { dtype: "float32", requiresGrad: true });
    x.median().backward();
    expect(Array.from((x.grad as NonNullable<typeof x.grad>).dataSync())).toEqual([0, 0.5, 0.5, 0]);
  });
  it("mode returns the most frequent value, the first such run winning on a tie of counts", () => {
    const m = tensor([3, 1, 3, 1, 2]).mode();
    expect(m.values.item()).toBe(1);
    expect([1, 3]).toContain(m.indices.item());
  });
});
