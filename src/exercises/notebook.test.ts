// The notebook export of every lesson in every locale is valid nbformat 4.5 and holds the
// lesson's Python blocks as code cells in page order, plus each embedded exercise's starter.
// (That the code cells equal the built page's cells is checked in e2e/exercises-notebook.spec.ts.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fenceFlags } from "../lib/fence-meta.ts";
import { lessonSlugs } from "../sidebar.ts";
import { loadExercises } from "./load.ts";
import { lessonNotebook } from "./notebook.ts";

const exercises = loadExercises();
const docs = join(process.cwd(), "content", "docs");
const pages = readdirSync(docs).flatMap((locale) =>
  readdirSync(join(docs, locale))
    .filter((f) => (lessonSlugs as readonly string[]).includes(f.replace(/\.mdx$/, "")))
    .map((f) => [`${locale}/${f.slice(0, -4)}`, join(docs, locale, f), locale] as const),
);

function split(mdx: string) {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(mdx);
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(match?.[1] ?? "")?.[1] ?? "";
  return { title, body: mdx.slice(match?.[0].length ?? 0) };
}

describe.each(pages)("the notebook of %s", (_id, file, locale) => {
  const { title, body } = split(readFileSync(file, "utf8"));
  const nb = lessonNotebook({ title, body, lang: locale === "zh-cn" ? "zh" : "en", exercises });

  it("is nbformat 4.5 with unique cell ids and line-split sources", () => {
    expect(nb).toMatchObject({ nbformat: 4, nbformat_minor: 5 });
    expect(nb.metadata).toHaveProperty("kernelspec.name", "python3");
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of nb.cells) {
      expect(cell.id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(["markdown", "code"]).toContain(cell.cell_type);
      cell.source.forEach((line, i) => {
        expect(typeof line).toBe("string");
        if (i < cell.source.length - 1) expect(line.endsWith("\n")).toBe(true);
      });
      if (cell.cell_type === "code")
        expect(cell).toMatchObject({ execution_count: null, outputs: [] });
    }
    expect(JSON.parse(JSON.stringify(nb))).toEqual(nb);
  });

  it("has one code cell per Python block, in order, and each exercise's starter or cell", () => {
    const blocks = [...body.matchAll(/^```python([^\n]*)\n([\s\S]*?)\n^```/gm)]
      .filter((m) => !fenceFlags(m[1]).static)
      .map((m) => m[2]);
    const code = nb.cells.filter((c) => c.cell_type === "code");
    const lesson = code.filter((c) => !("torchlit" in c.metadata)).map((c) => c.source.join(""));
    expect(lesson).toEqual(blocks);
    for (const [, id] of body.matchAll(/<Exercise\s+id="([^"]+)"/g)) {
      const ex = exercises.find((e) => e.id === id);
      const cell = code.find(
        (c) => (c.metadata.torchlit as { exercise?: string })?.exercise === id,
      );
      const lang = locale === "zh-cn" ? "zh" : "en";
      const given = ex?.kind === "predict" ? ex.cell[lang] : ex?.starter[lang];
      expect(cell?.source.join("")).toContain(given?.trimEnd());
    }
  });

  it("puts the exercises after every lesson cell, so none rebinds a name the lesson still uses", () => {
    const isExercise = (c: (typeof nb.cells)[number]) => "torchlit" in c.metadata;
    const lastLesson = nb.cells.findLastIndex((c) => c.cell_type === "code" && !isExercise(c));
    const firstExercise = nb.cells.findIndex(isExercise);
    const count = [...body.matchAll(/<Exercise\s+id="/g)].length;
    expect(nb.cells.filter(isExercise)).toHaveLength(count);
    if (count > 0) expect(firstExercise).toBeGreaterThan(lastLesson);
  });
});
