// torch.nn.functional and nn.init against engine/fixtures/nn.json: forward values, grad_fn
// names, gradients for PyTorch's upstream gradient, error texts, dropout's draws and
// the initialisers' draws (nn.Linear(3, 2) after manual_seed(0)).

import { F, init, manual_seed, ones, type Tensor, tensor, zeros } from "torchlit";
import { describe, expect, it } from "vitest";
import { CASES, type Case, ERROR_CALLS, type Functional } from "./nn-cases.ts";
import { type Enc, expectExact, expectTensor, fixture } from "./nn-fixture.ts";

const functional = () => fixture<Functional>("functional");

describe("torch.nn.functional", () => {
  it("covers every case of the fixture", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(functional().cases).sort());
  });
  for (const name of Object.keys(CASES)) {
    it(`${name} matches PyTorch's value, grad_fn and gradients`, () => {
      const c = functional().cases[name] as Case;
      const [inputs, y] = (CASES[name] as () => [Record<string, Tensor>, Tensor])();
      expectTensor(y, c.out);
      expect(y.gradFn?.name ?? null).toBe(c.grad_fn);
      if (c.upstream && c.grads) {
        const up = tensor(c.upstream.values, { dtype: "float32" }).reshape(c.upstream.shape);
        y.backward(up);
        for (const [k, g] of Object.entries(c.grads)) {
          const grad = (inputs[k] as Tensor).grad;
          expect(grad, `grad of ${k}`).not.toBeNull();
          expectTensor(grad as Tensor, g, 1e-5, 1e-5);
        }
      }
    });
  }
});

function errorOf(fn: () => unknown): [string, string] | null {
  try {
    fn();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return null;
}

describe("functional errors", () => {
  for (const [name, call] of Object.entries(ERROR_CALLS)) {
    it(`${name} raises PyTorch's exception type and message`, () => {
      expect(errorOf(call)).toEqual(functional().errors[name]);
    });
  }
});

describe("F.dropout", () => {
  it("draws PyTorch's mask after manual_seed(0) and scales by 1 / (1 - p)", () => {
    const d = functional().dropout;
    manual_seed(0);
    const xd = ones([20], { requiresGrad: true });
    const y = F.dropout(xd, 0.5);
    expectExact(y, d.p05);
    expect(y.gradFn?.name).toBe(d.grad_fn);
    y.sum().backward();
    expectExact(xd.grad as Tensor, d.grad);
    manual_seed(0);
    const z = F.dropout(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { dtype: "float32" }), 0.2);
    expectTensor(z, d.p02_after);
  });
  it("returns its input unchanged in eval mode", () => {
    const t = ones([3]);
    expect(F.dropout(t, 0.5, false)).toBe(t);
  });
});

describe("nn.init", () => {
  const fx = () => fixture<Record<string, Enc | Record<string, Enc>>>("init");
  it("linearParameters(3, 2) after manual_seed(0) equals nn.Linear(3, 2)", () => {
    const lin = fx().linear_3_2 as Record<string, Enc>;
    manual_seed(0);
    const { weight, bias } = init.linearParameters(3, 2);
    expectExact(weight, lin.weight as Enc);
    expectExact(bias as Tensor, lin.bias as Enc);
    expect(weight.requiresGrad && weight.isLeaf).toBe(true);
  });
  it("draws xavier, kaiming, uniform and normal like PyTorch after manual_seed(1)", () => {
    const f = fx() as Record<string, Enc>;
    manual_seed(1);
    expectExact(init.xavier_uniform_(zeros([4, 5])), f.xavier_uniform_4x5 as Enc);
    expectExact(init.xavier_uniform_(zeros([3, 2, 2]), 2), f.xavier_uniform_gain2_3x2x2 as Enc);
    expectExact(init.xavier_normal_(zeros([4, 5])), f.xavier_normal_4x5 as Enc);
    expectExact(init.kaiming_uniform_(zeros([4, 5])), f.kaiming_uniform_4x5 as Enc);
    expectExact(
      init.kaiming_uniform_(zeros([4, 5]), { mode: "fan_out", nonlinearity: "relu" }),
      f.kaiming_uniform_fanout_relu as Enc,
    );
    expectTensor(init.kaiming_normal_(zeros([4, 5])), f.kaiming_normal_4x5 as Enc, 0, 0);
    expectExact(init.uniform_(zeros([6]), -2, 2), f.uniform_m2_2 as Enc);
    expectExact(init.normal_(zeros([18]), 0, 0.02), f.normal_0_002 as Enc);
  });
  it("fills parameters that require grad without recording a graph", () => {
    const w = zeros([2, 2], { requiresGrad: true });
    init.constant_(w, 3);
    expect(w.isLeaf).toBe(true);
    expect(w.tolist()).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });
});
