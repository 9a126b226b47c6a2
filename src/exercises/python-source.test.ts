import { describe, expect, it } from "vitest";
import { normaliseSource, sameCode, withoutComments } from "./python-source.ts";

describe("withoutComments(code)", () => {
  it("drops a comment to the end of its line", () => {
    expect(withoutComments("x = 1  # one\ny = 2\n")).toBe("x = 1  \ny = 2\n");
  });
  it("keeps a # inside single-, double- and triple-quoted strings", () => {
    const code = "a = '#'\nb = \"x#y\"  # note\nc = '''\n# kept\n'''\n";
    expect(withoutComments(code)).toBe("a = '#'\nb = \"x#y\"  \nc = '''\n# kept\n'''\n");
  });
  it("handles an escaped quote inside a string", () => {
    expect(withoutComments("s = 'it\\'s # here'  # gone")).toBe("s = 'it\\'s # here'  ");
  });
});

describe("sameCode(a, b)", () => {
  it("treats code that differs only in comments and blank lines as the same", () => {
    expect(sameCode("# English\nx = 1\n\ny = x  # sum\n", "# 中文\nx = 1\ny = x  # 求和\n")).toBe(
      true,
    );
  });
  it("tells apart code that differs outside comments", () => {
    expect(sameCode("x = 1\n", "x = 2\n")).toBe(false);
    expect(sameCode("print('a')\n", "print('甲')\n")).toBe(false);
  });
});

describe("normaliseSource(code)", () => {
  it("ignores CRLF, trailing spaces and blank lines", () => {
    expect(normaliseSource("a = 1  \r\n\r\nb = 2\n")).toBe("a = 1\nb = 2");
  });
});
