// The nn cases of engine/fixtures/nn.json on WebGPU in Node through Dawn, made by the same code as
// the CPU suites (nn-cases.ts) with their tensors on "cuda": every torch.nn.functional case
// (value, grad_fn and gradients for PyTorch's upstream gradient), every optimizer's trajectory,
// and the training loops, full-batch and over a shuffling DataLoader. Random draws come from the
// CPU generator and are moved, as the fixture recorded them. Floats compare within float32
// tolerance (GPU kernels round differently); under CI=true a missing adapter fails the run.

import { Adam, resolveReads, SGD, type Tensor, tensor } from "torchlit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { dispatches, startGpu } from "./gpu-support.ts";
import {
  CASES,
  type Case,
  ERROR_CALLS,
  type Functional,
  loaderTraining,
  OPTIMIZERS,
  optimizerSteps,
  regression,
  type Step,
  setCaseDevice,
  type Trained,
} from "./nn-cases.ts";
import { type Enc, expectClose, fixture } from "./nn-fixture.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("nn on WebGPU");
setCaseDevice("cuda");
const read = (t: Tensor) => t.data();

afterAll(async () => {
  setCaseDevice("cpu");
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

/** A GPU tensor equal to a fixture tensor: device, shape, dtype, values within `tol`. */
async function expectOnGpu(t: Tensor, enc: Enc, rtol = 1e-5, atol = 1e-5): Promise<void> {
  expect(t.device).toBe("cuda:0");
  expect([...t.shape]).toEqual(enc.shape);
  expect(t.dtype).toBe(enc.dtype);
  expectClose(Array.from(await t.data()), enc.values, rtol, atol);
}

describe.skipIf(!status.available)("torch.nn on WebGPU (cuda) against PyTorch 1.13", () => {
  const functional = () => fixture<Functional>("functional");

  describe("torch.nn.functional", () => {
    for (const name of Object.keys(CASES)) {
      it(`${name} matches PyTorch's value, grad_fn and gradients`, async () => {
        const c = functional().cases[name] as Case;
        const before = dispatches();
        // The losses check their targets and ranges on the host: the reads are answered as an
        // application's would be.
        const [inputs, y] = await resolveReads(
          CASES[name] as () => [Record<string, Tensor>, Tensor],
        );
        await expectOnGpu(y, c.out);
        expect(y.gradFn?.name ?? null).toBe(c.grad_fn);
        if (c.upstream && c.grads) {
          const up = tensor(c.upstream.values, { dtype: "float32", device: "cuda" }).reshape(
            c.upstream.shape,
          );
          y.backward(up);
          for (const [k, g] of Object.entries(c.grads)) {
            const grad = (inputs[k] as Tensor).grad;
            expect(grad, `grad of ${k}`).not.toBeNull();
            await expectOnGpu(grad as Tensor, g);
          }
        }
        expect(dispatches()).toBeGreaterThan(before);
      });
    }
  });

  describe("functional errors", () => {
    for (const [name, call] of Object.entries(ERROR_CALLS)) {
      it(`${name} raises PyTorch's exception type and message`, async () => {
        const error = await resolveReads(call).then(
          () => null,
          (e: Error) => [e.name, e.message],
        );
        await gpuStatus.backend?.synchronize().catch(() => undefined);
        expect(error).toEqual(functional().errors[name]);
      });
    }
  });

  describe("torch.optim", () => {
    const runs = () => fixture<Record<string, { trajectory: Step[] }>>("optim");
    for (const [name, make] of Object.entries(OPTIMIZERS)) {
      it(`${name} follows PyTorch's trajectory`, async () => {
        const want = (runs()[name] as { trajectory: Step[] }).trajectory;
        const { trajectory } = await optimizerSteps(make, read, want.length);
        for (const [i, step] of want.entries()) {
          const got = trajectory[i] as Step;
          expectClose([got.loss], [step.loss], 1e-5, 1e-5);
          expectClose(got.w, step.w, 1e-5, 1e-5);
          expectClose(got.b, step.b, 1e-5, 1e-5);
        }
      });
    }
  });

  describe("training loops", () => {
    const train = () => fixture<Record<string, Trained>>("train");
    const expectTrained = (got: Omit<Trained, "x" | "y" | "init">, want: Trained) => {
      expectClose(got.losses, want.losses, 1e-3, 1e-5);
      expectClose(got.weight, want.weight, 1e-4, 1e-5);
      expectClose(got.bias, want.bias, 1e-4, 1e-5);
    };
    it("SGD(momentum) linear regression reaches PyTorch's losses and weights", async () => {
      const got = await regression((p) => new SGD(p, { lr: 0.05, momentum: 0.9 }), read);
      expectTrained(got, train().sgd_momentum as Trained);
    });
    it("Adam linear regression reaches PyTorch's losses and weights", async () => {
      const got = await regression((p) => new Adam(p, { lr: 0.05 }), read);
      expectTrained(got, train().adam as Trained);
    });
    it("mini-batch SGD over DataLoader(shuffle=True) reaches PyTorch's weights", async () => {
      expectTrained(await loaderTraining(read), train().loader_sgd as Trained);
    });
  });
});
