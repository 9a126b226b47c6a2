// Differential tests against real PyTorch on the CPU: every program of fixtures/ops.json and
// fixtures/linalg.json (written by fixtures/gen_ops.py and gen_linalg.py under PyTorch 1.13)
// replayed through the engine's public API, comparing values, metadata, autograd state and
// error texts (test/differential-harness.ts).
// It never skips: a missing fixture file fails.

import { describe, expect, it } from "vitest";
import { LINALG_FIXTURE, loadCases, runCase } from "./differential-harness.ts";

const cases = await loadCases();
const linalgCases = await loadCases(LINALG_FIXTURE);

describe("the engine against PyTorch 1.13 (fixtures/ops.json)", () => {
  if (cases === null) {
    it("has its fixture file", () => {
      throw new Error(
        "engine/fixtures/ops.json is missing: run /usr/bin/python3 engine/fixtures/gen_ops.py",
      );
    });
    return;
  }
  it("has several hundred cases", () => expect(cases.length).toBeGreaterThan(300));
  for (const c of cases) it(c.name, () => runCase(c, { device: "cpu", read: (t) => t.dataSync() }));
});

describe("linear algebra and broadcast_tensors against PyTorch 1.13 (fixtures/linalg.json)", () => {
  if (linalgCases === null) {
    it("has its fixture file", () => {
      throw new Error(
        "engine/fixtures/linalg.json is missing: run /usr/bin/python3 engine/fixtures/gen_linalg.py",
      );
    });
    return;
  }
  it("has its cases", () => expect(linalgCases.length).toBeGreaterThan(100));
  for (const c of linalgCases)
    it(c.name, () => runCase(c, { device: "cpu", read: (t) => t.dataSync() }));
});
