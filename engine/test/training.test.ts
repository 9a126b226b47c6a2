// End-to-end training loops against PyTorch 1.13 (engine/fixtures/nn.json): linear regression
// y = 2x + 1 + noise with nn.Linear(1, 1)'s parameters, mse_loss and SGD(momentum) or Adam for
// 100 steps from manual_seed(0), and mini-batch SGD over a shuffling DataLoader.

import { Adam, type Optimizer, SGD, type Tensor } from "torchlit";
import { describe, expect, it } from "vitest";
import { loaderTraining, regression, type Trained } from "./nn-cases.ts";
import { expectClose, fixture } from "./nn-fixture.ts";

const train = () => fixture<Record<string, Trained>>("train");
const read = async (t: Tensor) => t.dataSync();

async function expectRegression(
  make: (p: Tensor[]) => Optimizer,
  expected: Trained,
): Promise<void> {
  const got = await regression(make, read);
  expect(got.x).toEqual(expected.x);
  expectClose(got.y, expected.y);
  expect(got.init).toEqual(expected.init);
  for (const i of [0, 10, 99])
    expectClose([got.losses[i] as number], [expected.losses[i] as number], 1e-4, 1e-6);
  expectClose(got.losses, expected.losses, 1e-3, 1e-6);
  expectClose(got.weight, expected.weight, 1e-5, 1e-6);
  expectClose(got.bias, expected.bias, 1e-5, 1e-6);
}

describe("linear regression y = 2x + 1 + noise, 100 steps from manual_seed(0)", () => {
  it("SGD(lr=0.05, momentum=0.9) reaches PyTorch's losses and weights", async () => {
    await expectRegression(
      (p) => new SGD(p, { lr: 0.05, momentum: 0.9 }),
      train().sgd_momentum as Trained,
    );
  });
  it("Adam(lr=0.05) reaches PyTorch's losses and weights", async () => {
    await expectRegression((p) => new Adam(p, { lr: 0.05 }), train().adam as Trained);
  });
});

describe("mini-batch training over DataLoader(shuffle=True)", () => {
  it("interleaves the loader's draws as PyTorch does and reaches its weights", async () => {
    const expected = train().loader_sgd as Trained;
    const got = await loaderTraining(read);
    expectClose(got.losses, expected.losses, 1e-4, 1e-6);
    expectClose(got.weight, expected.weight, 1e-5, 1e-6);
    expectClose(got.bias, expected.bias, 1e-5, 1e-6);
  });
});
