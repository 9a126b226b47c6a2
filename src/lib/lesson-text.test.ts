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
      const found: string[] = [];
      const body = text(lang);
      for (let i = 0; i < body.length; i++) {
        const code = body.charCodeAt(i);
        if ((code < 0x20 && code !== 0x0a) || code === 0x7f)
          found.push(`${lang}: U+${code.toString(16).padStart(4, "0")} at ${i}`);
      }
      expect(found).toEqual([]);
    }
  });

  it("has as many code cells and exercises in Chinese as in English", () => {
    const count = (lang: string, re: RegExp) => (text(lang).match(re) ?? []).length;
    for (const re of [/^```python/gm, /<Exercise /g])
      expect(count("zh-cn", re), String(re)).toBe(count("en", re));
  });
});
