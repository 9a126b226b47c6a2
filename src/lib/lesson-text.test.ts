// The lessons' source text itself: no control characters (a `\t` or `\r` lost to string
// escaping once turned `\text` and `\rceil` in a formula into a tab and a line break), and the
// two languages' pages have the same sections and cells.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const docs = join(process.cwd(), "content", "docs");
const pages = readdirSync(join(docs, "en")).filter((f) => f.endsWith(".mdx"));

describe.each(pages)("%s", (page) => {
  const text = (lang: string) => readFileSync(join(docs, lang, page), "utf8");

  it("holds no control characters but newlines, in either language", () => {
    for (const lang of ["en", "zh-cn"]) {
      const found = [...text(lang).matchAll(/[\u0000-\u0009\u000b-\u001f\u007f]/g)].map(
        (m) =>
          `${lang}: U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")} at ${m.index}`,
      );
      expect(found).toEqual([]);
    }
  });

  it("has as many code cells and exercises in Chinese as in English", () => {
    const count = (lang: string, re: RegExp) => (text(lang).match(re) ?? []).length;
    for (const re of [/^```python/gm, /<Exercise /g])
      expect(count("zh-cn", re), String(re)).toBe(count("en", re));
  });
});
