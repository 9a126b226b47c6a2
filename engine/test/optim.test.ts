// torch.optim.SGD and Adam against engine/fixtures/nn.json: six steps on a small quadratic
// (plus a quartic bias term) for each option set, and the repr text PyTorch prints.

import { Adam, reprOptimizer, SGD, type Tensor, tensor } from "torchlit";
import { describe, expect, it } from "vitest";
import { OPTIMIZERS, optimizerSteps, type Step } from "./nn-cases.ts";
import { expectClose, fixture } from "./nn-fixture.ts";

interface Run {
  trajectory: Step[];
  repr: string;
}

const runs = () => fixture<Record<string, Run>>("optim");
const read = async (t: Tensor) => t.dataSync();

describe("optimizers step like torch.optim 1.13", () => {
  it("covers every case of the fixture", () => {
    expect(Object.keys(OPTIMIZERS).sort()).toEqual(Object.keys(runs()).sort());
  });
  for (const [name, make] of Object.entries(OPTIMIZERS)) {
    it(`${name} follows PyTorch's trajectory and prints PyTorch's repr`, async () => {
      const run = runs()[name] as Run;
      const { trajectory, opt } = await optimizerSteps(make, read, run.trajectory.length);
      for (const [i, step] of run.trajectory.entries()) {
        const got = trajectory[i] as Step;
        expectClose([got.loss], [step.loss], 1e-5, 1e-6);
        expectClose(got.w, step.w, 1e-5, 1e-6);
        expectClose(got.b, step.b, 1e-5, 1e-6);
      }
      expect(reprOptimizer(opt)).toBe(run.repr);
    });
  }
});

describe("Optimizer bookkeeping", () => {
  it("zero_grad() zeroes grads in place and zero_grad(true) drops them", () => {
    const w = tensor([1, 2], { dtype: "float32", requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1 });
    w.mul(3).sum().backward();
    const g = w.grad as Tensor;
    opt.zero_grad();
    expect(w.grad).toBe(g);
    expect(g.tolist()).toEqual([0, 0]);
    opt.zero_grad(true);
    expect(w.grad).toBeNull();
  });
  it("exposes per-parameter state and param_groups with defaults filled in", () => {
    const w = tensor([1, 2], { dtype: "float32", requiresGrad: true });
    const opt = new Adam([{ params: [w], lr: 0.5 }]);
    w.sum().backward();
    opt.step();
    expect(opt.param_groups[0]?.lr).toBe(0.5);
    expect(opt.param_groups[0]?.betas).toEqual([0.9, 0.999]);
    const state = opt.state.get(w);
    expect(state?.step?.item()).toBe(1);
    expect(Object.keys(state ?? {}).sort()).toEqual(["exp_avg", "exp_avg_sq", "step"]);
  });
  it("returns the closure's loss from step(closure)", () => {
    const w = tensor([1], { dtype: "float32", requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1 });
    const loss = opt.step(() => {
      opt.zero_grad();
      const l = w.mul(w).sum();
      l.backward();
      return l;
    });
    expect(loss?.item()).toBe(1);
    expectClose(Array.from(w.dataSync()), [0.8]);
  });
  it("refuses an empty parameter list and bad hyperparameters with PyTorch's texts", () => {
    expect(() => new SGD([], { lr: 0.1 })).toThrow("optimizer got an empty parameter list");
    const w = tensor([1], { dtype: "float32", requiresGrad: true });
    expect(() => new SGD([w], { lr: -1 })).toThrow("Invalid learning rate: -1");
    expect(() => new SGD([w], { lr: 0.1, nesterov: true })).toThrow(
      "Nesterov momentum requires a momentum and zero dampening",
    );
    expect(() => new Adam([w], { betas: [1, 0.9] })).toThrow(
      "Invalid beta parameter at index 0: 1",
    );
    expect(() => new SGD([w.mul(2)], { lr: 0.1 })).toThrow("can't optimize a non-leaf Tensor");
  });
});
