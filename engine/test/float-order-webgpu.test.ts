// The float-order cases (test/float-order-cases.ts) on WebGPU in Node through Dawn: WebGPU's
// reductions add in their own (tree) order, so results are checked against PyTorch's CPU result
// within the WebGPU suite's float32 tolerance, rtol = atol = 1e-5, widened where the inputs
// cancel by what any other order of float32 adds may differ: ceil(log2 n) roundings of the sum
// of |x| (one case, 1000 terms of up to 8 summing to -0.124, needs it). float64 inputs run as
// float32. Under CI=true a missing adapter fails the run.

import { resolveReads } from "torchlit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { loadFixture, MISSING, magnitude, runCase } from "./float-order-cases.ts";
import { startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("float-order on WebGPU");
const fixture = loadFixture();

afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

describe.skipIf(!status.available)("float reductions on WebGPU (cuda) against PyTorch 1.13", () => {
  if (fixture === null) {
    it("has its fixture file", () => {
      throw new Error(MISSING);
    });
    return;
  }
  for (const c of fixture.cases) {
    it(c.name, async () => {
      // The losses check their targets on the host: the reads are answered as a program's are.
      const y = await resolveReads(() => runCase(c, { device: "cuda", single: true }));
      expect(y.device).toBe("cuda:0");
      expect(y.shape).toEqual(c.out.shape);
      const got = Array.from(await y.data());
      const m = magnitude(c);
      const roundings = m === null ? 0 : Math.ceil(Math.log2(Math.max(2, m.n))) * 2 ** -24;
      expect(got.length).toBe(c.out.values.length);
      got.forEach((a, i) => {
        const e = c.out.values[i] as number;
        if (a === e || (Number.isNaN(a) && Number.isNaN(e))) return;
        const tol = 1e-5 + 1e-5 * Math.abs(e) + roundings * (m?.abs[i] ?? 0);
        if (!(Math.abs(a - e) <= tol))
          expect.fail(`element ${i}: got ${a}, expected ${e} (within ${tol})`);
      });
    });
  }
});
