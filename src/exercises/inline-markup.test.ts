import { describe, expect, it } from "vitest";
import { inlineMarkup, inlineText } from "./inline-markup.ts";

describe("inline markup of feedback and options", () => {
  it("marks up code spans, strong and emphasis", () => {
    expect(inlineMarkup("the *final* result of `y.backward()`, **not** x")).toBe(
      "the <em>final</em> result of <code>y.backward()</code>, <strong>not</strong> x",
    );
    expect(inlineMarkup("梯度是*最终*结果的")).toBe("梯度是<em>最终</em>结果的");
  });

  it("leaves asterisks in code, arithmetic and quoted errors alone", () => {
    expect(inlineMarkup("`w * x` and 2 * 3 * 4")).toBe("<code>w * x</code> and 2 * 3 * 4");
    expect(inlineMarkup("a*b*c")).toBe("a*b*c");
    expect(inlineMarkup("unsupported operand type(s) for *: 'int' and 'NoneType'")).toBe(
      "unsupported operand type(s) for *: &#39;int&#39; and &#39;NoneType&#39;",
    );
  });

  it("escapes HTML, also inside code spans", () => {
    expect(inlineMarkup("<b>`<i>`</b>")).toBe("&#60;b&#62;<code>&#60;i&#62;</code>&#60;/b&#62;");
  });

  it("gives the text a reader sees", () => {
    expect(inlineText("the *final* `y`, **not** 2 * 3")).toBe("the final y, not 2 * 3");
  });
});
