// The figure's model against PyTorch 1.13 (fixture.json, from gen_fixture.py): every case's
// geometry or exception, and where the engine's stride check says a failed view() breaks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PRESETS, evaluate, type FixtureCase } from "./model.ts";

const fixture = JSON.parse(readFileSync(new URL("fixture.json", import.meta.url), "utf8")) as {
  cases: FixtureCase[];
};

describe("tensor-memory model (fixture.json)", () => {
  it("has the fixture's cases", () => expect(fixture.cases.length).toBeGreaterThan(30));

  it.each(fixture.cases.map((c) => [c.expression, c] as const))("%s", (_, c) => {
    const out = evaluate(c.base, c.expression);
    if (c.result) {
      expect(out).toMatchObject({ kind: "ok", result: c.result });
    } else {
      expect(out).toMatchObject({ kind: "error", type: c.type, message: c.message });
    }
  });

  it("marks the two dims of x.t() that view(12) would merge", () => {
    const out = evaluate("torch.arange(12).view(3, 4)", "x.t().view(12)");
    expect(out.kind === "error" && out.view).toMatchObject({
      of: { shape: [4, 3], strides: [1, 4] },
      mismatch: { oldDims: [0, 1], newDim: 0, expected: 12, actual: 1 },
    });
  });

  it("gives no view explanation for errors that are not about strides", () => {
    const out = evaluate("torch.arange(12).view(3, 4)", "x.view(5, 2)");
    expect(out).toMatchObject({ kind: "error", view: null });
  });

  it.each([
    ["y.t()", 0],
    ["x.sum()", 2],
    ["x[1.5]", 3],
    ["x.view(2, 6) + 1", 13],
    ["x[[0, 1]]", 2],
    ["x.t", 3],
  ])("refuses %s outside the subset, at position %i", (expression, at) => {
    expect(evaluate("torch.arange(12).view(3, 4)", expression)).toMatchObject({
      kind: "unsupported",
      at,
    });
  });
});

describe("the lessons' tensor-memory figures", () => {
  const docs = new URL("../../../../content/docs/", import.meta.url);
  const lessons = ["en", "zh-cn"].flatMap((locale) =>
    ["tensors", "memory"].map((slug) =>
      readFileSync(new URL(`${locale}/${slug}.mdx`, docs), "utf8"),
    ),
  );
  const known = new Set(fixture.cases.map((c) => `${c.base}\n${c.expression}`));
  const DEFAULT_BASE = "torch.arange(12).view(3, 4)";
  const defaults = DEFAULT_PRESETS;

  it("offer only expressions the fixture checks against PyTorch", () => {
    const tags = lessons.flatMap((text) => text.match(/<TensorMemory\b[^>]*\/>/g) ?? []);
    expect(tags.length).toBeGreaterThanOrEqual(4);
    expect(defaults.length).toBeGreaterThan(0);
    for (const tag of tags) {
      const base = /base="([^"]*)"/.exec(tag)?.[1] ?? DEFAULT_BASE;
      const first = /expression="([^"]*)"/.exec(tag)?.[1] ?? "x.t()";
      const presets = /presets=\{(\[[^}]*\])\}/.exec(tag)?.[1];
      for (const e of [first, ...(presets ? (JSON.parse(presets) as string[]) : defaults)])
        expect(known.has(`${base}\n${e}`), `${tag}: ${e}`).toBe(true);
    }
  });
});
