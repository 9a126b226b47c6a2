// torch.optim.SGD and Adam against engine/fixtures/nn.json: six steps on a small quadratic
// (plus a quartic bias term) for each option set, and the repr text PyTorch prints.

import { Adam, type Optimizer, reprOptimizer, SGD, type Tensor, tensor } from "torchlit";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./nn-fixture.ts";

interface Run {
  trajectory: { w: number[]; b: number[]; loss: number }[];
  repr: string;
}

const P0 = [
  [1.0, -2.0],
  [0.5, 3.0],
];
const B0 = [0.25, -0.75];
const TARGET = [
  [0.0, 1.0],
  [-1.0, 2.0],
];
const COEF = [
  [1.0, 3.0],
  [0.5, 2.0],
];

const MAKERS: Record<string, (p: Tensor[]) => Optimizer> = {
  sgd_plain: (p) => new SGD(p, { lr: 0.05 }),
  sgd_momentum: (p) => new SGD(p, { lr: 0.05, momentum: 0.9 }),
  sgd_dampening: (p) => new SGD(p, { lr: 0.05, momentum: 0.9, dampening: 0.3 }),
  sgd_nesterov_wd: (p) =>
    new SGD(p, { lr: 0.05, momentum: 0.8, nesterov: true, weight_decay: 0.1 }),
  sgd_maximize: (p) => new SGD(p, { lr: 0.01, maximize: true }),
  adam_default: (p) => new Adam(p),
  adam_lr_betas: (p) => new Adam(p, { lr: 0.1, betas: [0.8, 0.9], eps: 1e-6 }),
  adam_wd_amsgrad: (p) => new Adam(p, { lr: 0.05, weight_decay: 0.1, amsgrad: true }),
  adam_maximize: (p) => new Adam(p, { lr: 0.01, maximize: true }),
};

const runs = () => fixture<Record<string, Run>>("optim");

describe("optimizers step like torch.optim 1.13", () => {
  it("covers every case of the fixture", () => {
    expect(Object.keys(MAKERS).sort()).toEqual(Object.keys(runs()).sort());
  });
  for (const [name, make] of Object.entries(MAKERS)) {
    it(`${name} follows PyTorch's trajectory and prints PyTorch's repr`, () => {
      const run = runs()[name] as Run;
      const w = tensor(P0, { dtype: "float32", requiresGrad: true });
      const b = tensor(B0, { dtype: "float32", requiresGrad: true });
      const opt = make([w, b]);
      const target = tensor(TARGET, { dtype: "float32" });
      const coef = tensor(COEF, { dtype: "float32" });
      for (const step of run.trajectory) {
        opt.zero_grad();
        const loss = w.sub(target).pow(2).mul(coef).sum().add(b.pow(4).sum());
        loss.backward();
        opt.step();
        expectClose([loss.item() as number], [step.loss], 1e-5, 1e-6);
        expectClose(Array.from(w.dataSync()), step.w, 1e-5, 1e-6);
        expectClose(Array.from(b.dataSync()), step.b, 1e-5, 1e-6);
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
