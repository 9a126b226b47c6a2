// The layout cases (test/layout-cases.ts, fixtures/layout.json) on WebGPU in Node through Dawn:
// the same call on "cuda" tensors gives PyTorch's shape, strides and is_contiguous, and its
// values within float32 tolerance, so a GPU result is laid out as a CPU one. Cases that make a
// float64 tensor (double()) are left to the CPU run: WebGPU has no float64. Under CI=true a
// missing adapter fails the run.

import type { Tensor } from "torchlit";
import { allclose } from "torchlit/testing";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { dispatches, startGpu } from "./gpu-support.ts";
import {
  type Described,
  geometry,
  loadFixture,
  MISSING,
  recordedGeometry,
  recordedValues,
  runCase,
} from "./layout-cases.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("layout cases on WebGPU");
const fixture = loadFixture();

afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

async function expectLike(t: Tensor, want: Described): Promise<void> {
  expect(t.device).toBe("cuda:0");
  expect(geometry(t)).toEqual(recordedGeometry(want));
  const expected = recordedValues(want);
  if (expected === null) return;
  const got = Array.from(await t.data());
  expect(allclose(got, expected, { rtol: 1e-5, atol: 1e-5 })).toBeNull();
}

describe.skipIf(!status.available)(
  "elementwise layouts on WebGPU (cuda) against PyTorch 1.13",
  () => {
    if (fixture === null) {
      it("has its fixture file", () => {
        throw new Error(MISSING);
      });
      return;
    }
    it("dispatches kernels", () => {
      const before = dispatches();
      const c = fixture.cases.find((k) => k.name.startsWith("exp 2d_t"));
      if (c === undefined) throw new Error("no exp 2d_t case");
      runCase(c, "cuda");
      expect(dispatches()).toBeGreaterThan(before);
    });
    for (const c of fixture.cases) {
      if (c.call[1] === "double") continue;
      it(c.name, async () => {
        const { y, leaf } = runCase(c, "cuda");
        await expectLike(y, c.out);
        if (c.out.grad) await expectLike(leaf?.grad as Tensor, c.out.grad);
      });
    }
  },
);
