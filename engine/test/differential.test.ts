// Differential tests against real PyTorch on the CPU: every program of fixtures/ops.json
// (written by fixtures/gen_ops.py under PyTorch 1.13) replayed through the engine's public API,
// comparing values, metadata, autograd state and error texts (test/differential-harness.ts).
// It never skips: a missing fixture file fails.

import { describe, expect, it } from "vitest";
import { loadCases, runCase } from "./differential-harness.ts";

const cases = await loadCases();

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
