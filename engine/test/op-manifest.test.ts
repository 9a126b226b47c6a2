// The op manifest is complete: its JSON copy is the table's, every op is reachable from PyTorch
// code, has PyTorch fixture cases and the grad_fn PyTorch records, has WGSL, and is bound by
// the Python package exactly as the manifest says (in-place forms and out= where PyTorch has
// them, and not where it has not).

import { readFileSync } from "node:fs";
import { opManifest } from "torchlit";
import { describe, expect, it } from "vitest";
import { opExpr } from "../src/backend/webgpu/kernels-map.ts";
import { manifestJson } from "./op-manifest-json.ts";
import { runPythonJson } from "./python-support.ts";

const ops = [
  ...opManifest.unary.map((o) => ({ ...o, kind: "unary" as const })),
  ...opManifest.binary.map((o) => ({ ...o, kind: "binary" as const })),
];

interface FixtureCall {
  fn?: string;
  method?: string;
}
interface FixtureCase {
  name: string;
  calls: FixtureCall[];
  expect: { result?: unknown; error?: unknown };
}
const cases = (
  JSON.parse(readFileSync(new URL("../fixtures/ops.json", import.meta.url), "utf8")) as {
    cases: FixtureCase[];
  }
).cases;

/** Names a fixture case calls: methods as "x.name", functions as "torch.name". */
const called = new Set(
  cases.flatMap((c) =>
    c.calls.flatMap((k) => [
      ...(k.method ? [`x.${k.method}`] : []),
      ...(k.fn ? [`torch.${k.fn}`] : []),
    ]),
  ),
);
/** Every grad_fn name a fixture result records. */
const gradFns = new Set<string>();
const collect = (v: unknown): void => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "grad_fn" && typeof x === "string") gradFns.add(x);
      else collect(x);
    }
  }
};
for (const c of cases) collect(c.expect);

describe("the op manifest", () => {
  it("fixtures/op-manifest.json is the table's (else run engine/scripts/write-op-manifest.ts)", () => {
    const file = readFileSync(new URL("../fixtures/op-manifest.json", import.meta.url), "utf8");
    expect(file).toBe(manifestJson());
  });

  it("lists every table op, each reachable: a method, an F function, or a kernel via one", () => {
    expect(ops.length).toBeGreaterThan(50);
    const publicNames = new Set(ops.filter((o) => o.method).map((o) => o.name));
    for (const o of ops) {
      const reach = o.method || o.functional !== null || o.via !== null;
      expect(reach, `${o.name} is reachable from PyTorch code`).toBe(true);
      if (o.via !== null && o.via !== "clamp") {
        expect(publicNames.has(o.via), `${o.name}: via ${o.via} is a table method`).toBe(true);
      }
      expect(o.gradFn === null, `${o.name}: a gradient or the reason for none`).toBe(
        o.notDifferentiable !== null,
      );
    }
  });

  for (const o of ops) {
    it(`${o.name}: PyTorch fixture cases call it, and record its grad_fn`, () => {
      const names = o.method
        ? [`x.${o.name}`, `torch.${o.name}`]
        : o.functional !== null
          ? [`torch.nn.functional.${o.name}`]
          : [`x.${o.via}`, `torch.${o.via}`];
      expect(
        names.some((n) => called.has(n)),
        `a case in ops.json calls ${names.join(" or ")}`,
      ).toBe(true);
      if (o.inplace) {
        expect(called.has(`x.${o.name}_`), `a case in ops.json calls x.${o.name}_`).toBe(true);
      }
      if (o.gradFn !== null) {
        expect(gradFns.has(o.gradFn), `a fixture result has grad_fn ${o.gradFn}`).toBe(true);
      }
    });
  }

  it("every op has WGSL in f32, and in i32 where it computes on integers", () => {
    for (const o of ops) {
      expect(() => opExpr(o.kind, o.name, "f32"), o.name).not.toThrow();
      const i = opExpr(o.kind, o.name, "i32");
      expect(i.expr, `${o.name} in i32`).toMatch(/\S/);
    }
  });

  it("the Python package binds every op as the manifest says, and nothing more", async () => {
    const problems = await runPythonJson<string[]>(`
import json
import torch
import torch.nn.functional as F

manifest = json.loads(${JSON.stringify(JSON.stringify(opManifest))})
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)

for kind in ("unary", "binary"):
    for op in manifest[kind]:
        n = op["name"]
        bitwise = n.startswith("bitwise_")
        x = torch.tensor([6, 3]) if bitwise else torch.tensor([0.5, 0.25])
        args = (x,) if kind == "unary" else (x, x)
        if op["method"]:
            check(hasattr(x, n), f"Tensor.{n}")
            check(hasattr(torch, n), f"torch.{n}")
            check(hasattr(x, n + "_") == op["inplace"], f"Tensor.{n}_ exists: {op['inplace']}")
            r = getattr(torch, n)(*args)
            o = torch.empty_like(r)
            try:
                got = getattr(torch, n)(*args, out=o)
                check(op["out"] is not None and got is o and torch.equal(o, r), f"torch.{n}(out=)")
            except TypeError:
                check(op["out"] is None, f"torch.{n} takes out=")
        if op["functional"] is not None:
            check(hasattr(F, n), f"F.{n}")
            check(not hasattr(x, n) and not hasattr(torch, n), f"{n} is F only, as in PyTorch")
            check(torch.equal(getattr(F, n)(x.clone(), inplace=True), getattr(F, n)(x))
                  if op["functional"]["inplace"] else True, f"F.{n}(inplace=True)")
        if op["via"] is not None:
            check(hasattr(x, op["via"]) and hasattr(torch, op["via"]), f"{n} via {op['via']}")
print(json.dumps(problems))
`);
    expect(problems).toEqual([]);
  }, 60_000);
});
