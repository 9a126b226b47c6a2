// The figure's model against PyTorch 1.13 (fixture.json, from gen_fixture.py): for every pair
// of shapes in both modes, the code it shows, the result's shape, expanded strides, which
// element each result element reads and the values, or the exception; and the dim it marks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { code, DEFAULT_PRESETS, evaluate, type FixtureCase } from "./model.ts";

const fixture = JSON.parse(readFileSync(new URL("fixture.json", import.meta.url), "utf8")) as {
  cases: FixtureCase[];
};

const name = (c: FixtureCase) =>
  `(${c.a.join(", ")}) ${c.inplace ? "+=" : "+"} (${c.b.join(", ")})`;

describe("broadcasting model (fixture.json)", () => {
  it("has the fixture's cases", () => expect(fixture.cases.length).toBeGreaterThan(40));

  it.each(fixture.cases.map((c) => [name(c), c] as const))("%s", (_, c) => {
    const shapes = { a: c.a, b: c.b, inplace: c.inplace };
    expect(code(shapes)).toBe(c.code);
    const out = evaluate(shapes);
    if (c.result) expect(out).toMatchObject({ kind: "ok", result: c.result });
    else expect(out).toMatchObject({ kind: "error", type: c.type, message: c.message });
  });

  it("marks the dim PyTorch's message names, and stretched dims by their stride 0", () => {
    const bad = evaluate({ a: [2, 3], b: [3, 2], inplace: false });
    expect(bad.kind === "error" && bad.columns.map((c) => c.marked)).toEqual([false, true]);
    expect(bad).toMatchObject({ reason: { kind: "mismatch", dim: 1, sizeA: 3, sizeB: 2 } });
    const ok = evaluate({ a: [2, 1, 3], b: [4, 1], inplace: false });
    expect(ok.kind === "ok" && ok.columns).toMatchObject([
      { a: 2, b: null, out: 2, stretchedA: false, stretchedB: true },
      { a: 1, b: 4, out: 4, stretchedA: true, stretchedB: false },
      { a: 3, b: 1, out: 3, stretchedA: false, stretchedB: true },
    ]);
  });

  it("marks where a would have to grow for a += b", () => {
    const grow = evaluate({ a: [3], b: [2, 3], inplace: true });
    expect(grow).toMatchObject({ kind: "error", reason: { kind: "grow", shape: [2, 3] } });
    expect(grow.kind === "error" && grow.columns.map((c) => c.marked)).toEqual([true, false]);
    const leading = evaluate({ a: [1], b: [1, 1, 1], inplace: true });
    expect(leading.kind === "error" && leading.columns.map((c) => c.marked)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("does not stretch a size-1 dim that stays 1, nor count a padded 1 as stretched", () => {
    const out = evaluate({ a: [1], b: [1, 1, 1], inplace: false });
    expect(out.kind === "ok" && out.columns.some((c) => c.stretchedA || c.stretchedB)).toBe(false);
  });

  it("refuses shapes outside its range instead of guessing", () => {
    expect(evaluate({ a: [9], b: [1], inplace: false }).kind).toBe("invalid");
    expect(evaluate({ a: [1, 1, 1, 1, 1], b: [1], inplace: false }).kind).toBe("invalid");
    expect(evaluate({ a: [1.5], b: [1], inplace: false }).kind).toBe("invalid");
  });

  it("offers only pairs that are fixture cases", () => {
    const key = (s: { a: number[]; b: number[]; inplace: boolean }) =>
      JSON.stringify([s.a, s.b, s.inplace]);
    const known = new Set(fixture.cases.map(key));
    for (const p of DEFAULT_PRESETS) expect(known.has(key(p))).toBe(true);
  });
});

describe("the lesson's broadcasting figures", () => {
  const docs = new URL("../../../../content/docs/", import.meta.url);
  const tags = ["en", "zh-cn"].flatMap(
    (locale) =>
      readFileSync(new URL(`${locale}/broadcasting.mdx`, docs), "utf8").match(
        /<Broadcasting\b[^>]*\/>/g,
      ) ?? [],
  );
  const known = new Set(fixture.cases.map((c) => JSON.stringify([c.a, c.b, c.inplace])));

  it("show first only pairs the fixture checks against PyTorch", () => {
    expect(tags.length).toBe(4);
    for (const tag of tags) {
      // Presets passed by a lesson would need checking here too; the lesson uses the defaults.
      expect(tag, tag).not.toContain("presets=");
      const shape = (prop: string, fallback: number[]) => {
        const m = new RegExp(`${prop}=\\{(\\[[^\\]]*\\])\\}`).exec(tag);
        return m ? (JSON.parse(m[1] as string) as number[]) : fallback;
      };
      const first = [shape("a", [2, 1, 3]), shape("b", [4, 1]), /\binplace\b/.test(tag)];
      expect(known.has(JSON.stringify(first)), tag).toBe(true);
    }
  });
});
