// Replays engine/fixtures/indexing.json (written by gen_indexing.py under PyTorch 1.13) on the
// CPU: x[...] reads and x[...] = v writes, then the rearranging ops, compared on values, shapes,
// dtypes, storage sharing, version counters, float64 gradients and error texts
// (test/indexing-harness.ts; test/indexing-webgpu.test.ts replays the same cases on WebGPU).
// A missing fixture fails the suite.

import { describe, expect, it } from "vitest";
import { cpuTarget, loadIndexCases, replayIndexCase } from "../../test/indexing-harness.ts";

const CASES = loadIndexCases();

describe("indexing against PyTorch 1.13 on the CPU (fixtures/indexing.json)", () => {
  it("has its cases, of every kind", () => {
    expect(new Set(CASES.map((c) => c.kind))).toEqual(
      new Set(["getitem", "setitem", "call", "error"]),
    );
    expect(CASES.length).toBeGreaterThan(200);
  });
  for (const c of CASES) it(`${c.kind}: ${c.name}`, () => replayIndexCase(c, cpuTarget));
});
