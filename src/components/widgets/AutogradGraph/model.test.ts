// The figure's model against PyTorch 1.13 (fixture.json, from gen_fixture.py): for every
// expression, requires_grad combination and retain_graph setting, the result's repr, the grad_fn
// nodes and their next_functions, the order of the backward pass with each node's grad_outputs
// and grad_inputs, the leaves' .grad, and a second backward's .grad or error; the syntax the
// parser refuses; and that the lesson's figures start from fixture cases.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, flows, NAMES, PRESETS, type Requires, type Run } from "./model.ts";

interface FixtureCase extends Omit<Run, "order" | "grads" | "second"> {
  expr: string;
  requires: Requires;
  retain: boolean;
  order?: Run["order"];
  grads?: Run["grads"];
  second?: Run["second"];
  error?: string;
}
const fixture = JSON.parse(readFileSync(new URL("fixture.json", import.meta.url), "utf8")) as {
  cases: FixtureCase[];
};
const flags = (r: Requires) => NAMES.filter((k) => r[k]).join("") || "none";
const key = (expr: string, r: Requires, retain: boolean) => JSON.stringify([expr, r, retain]);

describe("autograd-graph model (fixture.json)", () => {
  it("has the fixture's cases", () => expect(fixture.cases.length).toBe(176));

  it.each(
    fixture.cases.map((c) => [`${c.expr} [${flags(c.requires)}] retain=${c.retain}`, c] as const),
  )("%s", (_, c) => {
    const out = evaluate({ expr: c.expr, requires: c.requires, retain: c.retain });
    if (c.error) {
      expect(out).toEqual({ kind: "error", setup: expect.anything(), error: c.error });
      return;
    }
    expect(out.kind).toBe("ok");
    if (out.kind !== "ok") return;
    expect(out.run).toEqual({
      leaves: c.leaves,
      result: c.result,
      nodes: c.nodes,
      order: c.order,
      grads: c.grads,
      second: c.second,
    });
  });

  it("offers only presets that are fixture cases", () => {
    const known = new Set(fixture.cases.map((c) => key(c.expr, c.requires, c.retain)));
    for (const p of PRESETS) expect(known.has(key(p.expr, p.requires, false))).toBe(true);
  });

  it("sums where paths meet: the gradients sent to a node add up to what its hook received", () => {
    const out = evaluate({
      expr: "a * b + a.sin()",
      requires: PRESETS[0]?.requires as Requires,
      retain: false,
    });
    if (out.kind !== "ok") throw new Error(out.kind);
    const toA = flows(out.run).filter((f) => f.to === 2);
    expect(toA.map((f) => f.grad)).toEqual(["tensor(-0.4161)", "tensor(3.)"]);
    expect(out.run.order.find((s) => s.id === 2)?.gradOutputs).toEqual(["tensor(2.5839)"]);
  });
});

describe("the expression subset", () => {
  const all: Requires = { a: true, b: true, c: true };
  const at = (expr: string) => {
    const out = evaluate({ expr, requires: all, retain: false });
    return out.kind === "syntax" ? [out.at, out.found] : out.kind;
  };
  it("refuses what it does not support, at the token", () => {
    expect(at("a @ b")).toEqual([2, "@"]);
    expect(at("a.sqrt()")).toEqual([2, "sqrt"]);
    expect(at("x + a")).toEqual([0, "x"]);
    expect(at("torch.sin(2)")).toEqual([10, "2"]);
    expect(at("(a + b")).toEqual([6, ""]);
    expect(at("2 * 3")).toEqual([0, "2 * 3"]);
    expect(at("a +")).toEqual([3, ""]);
  });
  it("takes Python's precedence: -a ** 2 is -(a ** 2)", () => {
    const out = evaluate({ expr: "-a ** 2", requires: all, retain: false });
    expect(out.kind === "ok" && out.run.result).toBe("tensor(-4., grad_fn=<NegBackward0>)");
  });
});

describe("the lesson's autograd-graph figures", () => {
  const docs = new URL("../../../../content/docs/", import.meta.url);
  const tags = ["en", "zh-cn"].flatMap(
    (locale) =>
      readFileSync(new URL(`${locale}/autograd.mdx`, docs), "utf8").match(
        /<AutogradGraph\b[^>]*\/>/g,
      ) ?? [],
  );
  const known = new Set(fixture.cases.map((c) => key(c.expr, c.requires, c.retain)));

  it("start from cases the fixture checks against PyTorch", () => {
    expect(tags.length).toBe(2);
    for (const tag of tags) {
      const expr = /expr="([^"]*)"/.exec(tag)?.[1] ?? PRESETS[0]?.expr;
      const off = /noGrad="([^"]*)"/.exec(tag)?.[1] ?? "";
      const requires = Object.fromEntries(NAMES.map((k) => [k, !off.includes(k)])) as Requires;
      expect(known.has(key(expr as string, requires, false)), tag).toBe(true);
    }
  });
});
