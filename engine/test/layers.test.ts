// The engine's layer check (test/layers.ts) on the engine itself, and on sources made to break
// it, so a passing check is known to be able to fail.

import { describe, expect, it } from "vitest";
import { checkLayers, engineSources, importsOf, layerOf } from "./layers.ts";

describe("the engine's layers", () => {
  it("hold: no file imports a later layer, and no value import closes a cycle", () => {
    const sources = engineSources();
    expect(sources.size).toBeGreaterThan(80);
    expect(checkLayers(sources)).toEqual([]);
  });

  it("refuse a deliberate upward import from core to the tensor layer", () => {
    const sources = engineSources();
    const shape = sources.get("core/shape.ts") as string;
    sources.set("core/shape.ts", `import { Tensor } from "../tensor.ts";\n${shape}`);
    const [layer, ...cycles] = checkLayers(sources);
    expect(layer).toBe(
      "core/shape.ts (core) imports tensor.ts (tensor and autograd), a later layer",
    );
    // Which cycles through the new edge are named depends on the search order; each is one.
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      expect(cycle).toMatch(/^import cycle: /);
      expect(cycle).toContain("core/shape.ts -> tensor.ts");
    }
  });

  it("refuse a backend that imports tensors, even for types", () => {
    const sources = engineSources();
    sources.set("backend/webgpu/probe.ts", 'import type { Tensor } from "../../tensor.ts";\n');
    expect(checkLayers(sources)).toEqual([
      "backend/webgpu/probe.ts (webgpu backend) imports tensor.ts (tensor and autograd), a later layer",
    ]);
  });

  it("refuse a value cycle inside one layer, and allow a type-only one", () => {
    const two = (aImport: string) =>
      new Map([
        ["nn/a.ts", `${aImport}\nexport const a = 1;`],
        ["nn/b.ts", 'import { a } from "./a.ts";\nexport const b = a;'],
      ]);
    expect(checkLayers(two('import { b } from "./b.ts";'))).toEqual([
      "import cycle: nn/a.ts -> nn/b.ts -> nn/a.ts",
    ]);
    expect(checkLayers(two('import type { b } from "./b.ts";'))).toEqual([]);
    expect(checkLayers(two('import { type b } from "./b.ts";'))).toEqual([]);
  });

  it("name a file that belongs to no layer", () => {
    expect(checkLayers(new Map([["stray/x.ts", ""]]))).toEqual([
      "stray/x.ts is in no layer: add it to LAYERS in engine/test/layers.ts",
    ]);
  });

  it("read re-exports, side-effect imports and dynamic imports", () => {
    const src = [
      'export { a } from "../ops/a.ts";',
      'import "../ops/b.ts";',
      'export type { C } from "./c.ts";',
      'const m = () => import("../backend/webgpu/index.ts");',
      'import { readFileSync } from "node:fs";',
    ].join("\n");
    expect(importsOf("nn/x.ts", src)).toEqual([
      { from: "nn/x.ts", to: "ops/a.ts", typeOnly: false, dynamic: false },
      { from: "nn/x.ts", to: "ops/b.ts", typeOnly: false, dynamic: false },
      { from: "nn/x.ts", to: "nn/c.ts", typeOnly: true, dynamic: false },
      { from: "nn/x.ts", to: "backend/webgpu/index.ts", typeOnly: false, dynamic: true },
    ]);
    expect(layerOf("backend/registry.ts")).toBeGreaterThan(layerOf("backend/cpu/lu.ts"));
  });
});
