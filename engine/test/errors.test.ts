// Learner mistakes raise what PyTorch 1.13 raises: fixtures/errors.json holds gen_errors.py's
// program (one case per mistake) and what it printed under PyTorch. The program runs through
// `torchlit run` on the CPU and on WebGPU (`--device cuda`), and every case must raise the same
// Python exception type with the same message (program-fixture.ts).

import { describe, expect, it } from "vitest";
import { describeOnBothDevices, loadProgramFixture } from "./program-fixture.ts";

const fx = loadProgramFixture("errors.json", "engine/fixtures/gen_errors.py");

describe("the errors fixture", () => {
  it("records an error for every case", () => {
    for (const [name, r] of Object.entries(fx.cases))
      expect((r as { error: unknown }).error, name).not.toBeNull();
  });
});

await describeOnBothDevices({
  what: "common mistakes",
  fx,
  file: "errors.json",
  cpu: { rtol: 0, atol: 0 },
  cuda: { rtol: 0, atol: 0 },
  // Most mistakes are refused before any kernel runs; the autograd ones compute first.
  minDispatches: 1,
});
