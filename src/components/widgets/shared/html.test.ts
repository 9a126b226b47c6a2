// The widgets' shared string helpers: escaping, Python's spelling of tuples and sizes,
// placeholders, and row-major indices (checked against itertools.product's order).
import { describe, expect, it } from "vitest";
import { esc, fill, multiIndex, pySize, pyTuple } from "./html.ts";

describe("widget html helpers", () => {
  it("escapes what would break markup or an attribute", () => {
    expect(esc(`<b a="1">&</b>`)).toBe("&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;");
  });

  it("spells tuples and sizes as Python prints them", () => {
    expect([pyTuple([]), pyTuple([4]), pyTuple([1, 4])]).toEqual(["()", "(4,)", "(1, 4)"]);
    expect(pySize([4, 3])).toBe("torch.Size([4, 3])");
    expect(pySize([])).toBe("torch.Size([])");
  });

  it("fills known placeholders and leaves unknown ones", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("gives row-major indices, the last dim fastest", () => {
    const shape = [2, 1, 3];
    const all = Array.from({ length: 6 }, (_, p) => multiIndex(p, shape));
    expect(all).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 2],
      [1, 0, 0],
      [1, 0, 1],
      [1, 0, 2],
    ]);
    expect(multiIndex(0, [])).toEqual([]);
  });
});
