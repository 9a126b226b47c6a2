// End-to-end training loops against PyTorch 1.13 (engine/fixtures/nn.json): linear regression
// y = 2x + 1 + noise with nn.Linear(1, 1)'s parameters, mse_loss and SGD(momentum) or Adam for
// 100 steps from manual_seed(0), and mini-batch SGD over a shuffling DataLoader.

import {
  Adam,
  DataLoader,
  F,
  init,
  manual_seed,
  type Optimizer,
  randn,
  SGD,
  type Tensor,
  TensorDataset,
} from "torchlit";
import { describe, expect, it } from "vitest";
import { expectClose, fixture } from "./nn-fixture.ts";

interface Train {
  x: number[];
  y: number[];
  init: { weight: number[]; bias: number[] };
  losses: number[];
  weight: number[];
  bias: number[];
}

const train = () => fixture<Record<string, Train>>("train");

function regression(make: (params: Tensor[]) => Optimizer, expected: Train): void {
  manual_seed(0);
  const x = randn([100, 1]);
  const y = x
    .mul(2)
    .add(1)
    .add(randn([100, 1]).mul(0.1));
  expect(Array.from(x.dataSync())).toEqual(expected.x);
  expectClose(Array.from(y.dataSync()), expected.y);
  const { weight, bias } = init.linearParameters(1, 1);
  expect(Array.from(weight.dataSync())).toEqual(expected.init.weight);
  expect(Array.from((bias as Tensor).dataSync())).toEqual(expected.init.bias);
  const opt = make([weight, bias as Tensor]);
  const losses: number[] = [];
  for (let step = 0; step < 100; step++) {
    opt.zero_grad();
    const loss = F.mse_loss(F.linear(x, weight, bias), y);
    loss.backward();
    opt.step();
    losses.push(loss.item() as number);
  }
  for (const i of [0, 10, 99])
    expectClose([losses[i] as number], [expected.losses[i] as number], 1e-4, 1e-6);
  expectClose(losses, expected.losses, 1e-3, 1e-6);
  expectClose(Array.from(weight.dataSync()), expected.weight, 1e-5, 1e-6);
  expectClose(Array.from((bias as Tensor).dataSync()), expected.bias, 1e-5, 1e-6);
}

describe("linear regression y = 2x + 1 + noise, 100 steps from manual_seed(0)", () => {
  it("SGD(lr=0.05, momentum=0.9) reaches PyTorch's losses and weights", () => {
    regression((p) => new SGD(p, { lr: 0.05, momentum: 0.9 }), train().sgd_momentum as Train);
  });
  it("Adam(lr=0.05) reaches PyTorch's losses and weights", () => {
    regression((p) => new Adam(p, { lr: 0.05 }), train().adam as Train);
  });
});

describe("mini-batch training over DataLoader(shuffle=True)", () => {
  it("interleaves the loader's draws as PyTorch does and reaches its weights", () => {
    const expected = train().loader_sgd as Train;
    manual_seed(0);
    const x = randn([20, 1]);
    const y = x.mul(3).sub(0.5);
    const { weight, bias } = init.linearParameters(1, 1);
    const opt = new SGD([weight, bias as Tensor], { lr: 0.1 });
    const loader = new DataLoader(new TensorDataset(x, y), { batch_size: 8, shuffle: true });
    const losses: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const [xb, yb] of loader) {
        opt.zero_grad();
        const loss = F.mse_loss(F.linear(xb as Tensor, weight, bias), yb as Tensor);
        loss.backward();
        opt.step();
        losses.push(loss.item() as number);
      }
    }
    expectClose(losses, expected.losses, 1e-4, 1e-6);
    expectClose(Array.from(weight.dataSync()), expected.weight, 1e-5, 1e-6);
    expectClose(Array.from((bias as Tensor).dataSync()), expected.bias, 1e-5, 1e-6);
  });
});
