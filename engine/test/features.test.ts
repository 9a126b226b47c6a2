// Keeps engine/FEATURES.md honest: every op it lists exists on Tensor or as an export of
// torchlit, every autograd node it names is one PyTorch recorded in a fixture the engine's
// results are compared with (fixtures/*.json, test/programs/*.expected: the differential and
// program suites check that the engine records the same node there), and every op marked as
// checked against PyTorch is exercised by a fixture generator (fixtures/gen_*.py).

import { readdirSync, readFileSync } from "node:fs";
import * as torchlit from "torchlit";
import { Tensor } from "torchlit";
import { describe, expect, it } from "vitest";

// The generated coverage section (test/inventory.test.ts checks it) is not an op table.
const FEATURES = readFileSync(new URL("../FEATURES.md", import.meta.url), "utf8").replace(
  /<!-- coverage:[\s\S]*<!-- \/coverage -->/,
  "",
);
const rows = FEATURES.split("\n")
  .filter((l) => l.startsWith("| ") && !l.startsWith("| op ") && !l.startsWith("| ---"))
  .map((l) =>
    l
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim()),
  );

function sources(dir: URL, ext: string): string {
  let text = "";
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // op-manifest.json is the engine's own account of its nodes, not PyTorch's.
    if (e.name === "op-manifest.json") continue;
    if (e.isFile() && e.name.endsWith(ext) && !e.name.endsWith(".test.ts")) {
      text += readFileSync(`${e.parentPath}/${e.name}`, "utf8");
    }
  }
  return text;
}
/** The grad_fn names PyTorch recorded in the fixtures and the programs' expected output. */
const RECORDED = new Set(
  [
    sources(new URL("../fixtures/", import.meta.url), ".json"),
    sources(new URL("./programs/", import.meta.url), ".expected"),
  ]
    .join("\n")
    .match(/[A-Za-z]+Backward\d|CopySlices/g),
);
const GENERATORS = readdirSync(new URL("../fixtures/", import.meta.url))
  .filter((f) => f.startsWith("gen_") && f.endsWith(".py"))
  .map((f) => readFileSync(new URL(`../fixtures/${f}`, import.meta.url), "utf8"))
  .join("\n");

/** How a fixture generator spells an op whose TypeScript name differs from PyTorch's. */
const PYTHON_SPELLING: Record<string, string> = {
  dataAlias: ".data",
  isContiguous: "is_contiguous",
  storageOffset: "storage_offset",
  dataPtr: "data_ptr",
  indexPut_: "] = ",
  index_fill_: "index_fill",
  index: "[",
  retainGrad: "retain_grad",
  requiresGrad_: "requires_grad_",
  noGrad: "no_grad",
  enableGrad: "enable_grad",
  autograd: "torch.autograd.grad",
  register_hook: "register_hook",
  binary: "add",
  unary: "exp",
  repr: "repr(",
  F: "F.",
  init: "init.",
  SGD: "SGD(",
  Adam: "Adam(",
  setPrintoptions: "set_printoptions",
  linalg: "linalg.",
};

/** Node names in an autograd cell: "SqueezeBackward0/1" stands for SqueezeBackward0 and ...1. */
function nodeNames(cell: string): string[] {
  const out: string[] = [];
  for (const m of cell.matchAll(/([A-Za-z]+Backward)(\d)(?:\/(\d))?|CopySlices/g)) {
    if (m[0] === "CopySlices") out.push("CopySlices");
    else {
      out.push(`${m[1]}${m[2]}`);
      if (m[3]) out.push(`${m[1]}${m[3]}`);
    }
  }
  return out;
}

describe("engine/FEATURES.md", () => {
  it("lists ops", () => {
    expect(rows.length).toBeGreaterThan(80);
  });
  for (const [op, kind, , , grad, checked] of rows) {
    it(`${op}: exists, records what it says${checked === "yes" ? ", is fixture-checked" : ""}`, () => {
      const name = op as string;
      if (kind === "method") {
        const proto = Tensor.prototype as unknown as Record<string, unknown>;
        const has = name in proto || Object.getOwnPropertyNames(Tensor.prototype).includes(name);
        expect(has, `Tensor.prototype.${name}`).toBe(true);
      } else {
        expect(name in torchlit, `export ${name}`).toBe(true);
      }
      for (const node of nodeNames(grad as string)) {
        expect(RECORDED.has(node), `PyTorch records ${node} in a fixture or program`).toBe(true);
      }
      if (checked === "yes") {
        const spelled = PYTHON_SPELLING[name] ?? name;
        expect(GENERATORS.includes(spelled), `${spelled} in fixtures/gen_*.py`).toBe(true);
      }
    });
  }
});
