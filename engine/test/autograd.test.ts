// Autograd against PyTorch 1.13: fixtures/autograd.json holds gen_autograd.py's program (in-place
// ops on views, version counters, grad_fn names, backward and autograd.grad options, grad modes,
// hooks, retain_grad) and what it printed under PyTorch. The program runs through `torchlit run`
// on the CPU and on WebGPU (`--device cuda`), and every case must match (program-fixture.ts).
// Also: a 100k-node chain runs backward without overflowing the stack.

import { autograd, tensor } from "torchlit";
import { describe, expect, it } from "vitest";
import { describeOnBothDevices, loadProgramFixture } from "./program-fixture.ts";

await describeOnBothDevices({
  what: "autograd",
  fx: loadProgramFixture("autograd.json", "engine/fixtures/gen_autograd.py"),
  file: "autograd.json",
  cpu: { rtol: 1e-5, atol: 1e-6 },
  cuda: { rtol: 1e-5, atol: 1e-5 },
  minDispatches: 100,
});

describe("backward over long chains", () => {
  it("runs a 100k-node chain without overflowing the stack", { timeout: 120_000 }, () => {
    const x = tensor(1, { dtype: "float64", requiresGrad: true });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1.00001);
    y.backward();
    expect(x.grad?.item()).toBeCloseTo(1.00001 ** 100_000, 6);
  });
  it("runs autograd.grad over the same kind of chain", { timeout: 120_000 }, () => {
    const x = tensor(2, { dtype: "float64", requiresGrad: true });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.add(1);
    const [g] = autograd.grad(y, [x]);
    expect(g?.item()).toBe(1);
  });
});
