// The nn, optim and training cases of engine/fixtures/nn.json, made as gen_nn.py makes them under
// PyTorch 1.13: the torch.nn.functional calls, the optimizers' six steps on a small quadratic,
// and the training loops. Shared by the CPU suites (nn-functional, optim and training .test.ts)
// and the WebGPU one (nn-webgpu.test.ts), which sets the device the tensors are made on.

import {
  Adam,
  DataLoader,
  type DeviceType,
  F,
  init,
  manual_seed,
  type Optimizer,
  randn,
  SGD,
  type Tensor,
  TensorDataset,
  tensor,
  zeros,
} from "torchlit";
import type { Enc } from "./nn-fixture.ts";

export interface Case {
  out: Enc;
  grad_fn: string | null;
  upstream?: Enc;
  grads?: Record<string, Enc>;
}
export interface Functional {
  cases: Record<string, Case>;
  targets: Record<string, number[]>;
  errors: Record<string, [string, string] | null>;
  dropout: { p05: Enc; grad: Enc; grad_fn: string; p02_after: Enc };
}

const X = [
  [0.5, -1.25, 2.0, 0.75],
  [-0.3, 0.1, -2.2, 1.6],
  [1.1, 0.0, -0.4, -0.9],
];
const T = [
  [0.2, -1.0, 1.5, 0.0],
  [0.3, 0.3, -2.0, 1.0],
  [1.0, 0.5, -0.5, -1.0],
];
const P = [
  [0.1, 0.8, 0.45, 0.99],
  [0.5, 0.3, 0.02, 0.7],
  [0.25, 0.6, 0.9, 0.15],
];
const Y01 = [
  [0.0, 1.0, 1.0, 0.0],
  [1.0, 0.0, 0.5, 1.0],
  [0.0, 0.0, 1.0, 1.0],
];
const W = [
  [0.1, -0.2, 0.3, 0.4],
  [0.5, 0.6, -0.7, 0.8],
];

/** Where the cases' tensors are made (setCaseDevice). */
let device: DeviceType = "cpu";

/** Makes the cases' inputs and targets on `d` from now on. */
export function setCaseDevice(d: DeviceType): void {
  device = d;
}

export const f32 = (v: number[] | number[][], grad = false): Tensor =>
  tensor(v, { dtype: "float32", requiresGrad: grad, device });
export const long = (v: number[] | number): Tensor => tensor(v, { dtype: "int64", device });

/** name -> (inputs, fn): the same calls gen_nn.py makes. */
export const CASES: Record<string, () => [Record<string, Tensor>, Tensor]> = {};
const x = () => f32(X, true);
const bind = (
  name: string,
  mk: () => Record<string, Tensor>,
  fn: (i: Record<string, Tensor>) => Tensor,
) => {
  CASES[name] = () => {
    const i = mk();
    return [i, fn(i)];
  };
};
bind(
  "relu",
  () => ({ x: x() }),
  (i) => F.relu(i.x as Tensor),
);
bind(
  "sigmoid",
  () => ({ x: x() }),
  (i) => F.sigmoid(i.x as Tensor),
);
bind(
  "tanh",
  () => ({ x: x() }),
  (i) => F.tanh(i.x as Tensor),
);
bind(
  "softmax_dim1",
  () => ({ x: x() }),
  (i) => F.softmax(i.x as Tensor, 1),
);
bind(
  "softmax_dim0",
  () => ({ x: x() }),
  (i) => F.softmax(i.x as Tensor, 0),
);
bind(
  "log_softmax_dim1",
  () => ({ x: x() }),
  (i) => F.log_softmax(i.x as Tensor, 1),
);
bind(
  "log_softmax_dimm1",
  () => ({ x: x() }),
  (i) => F.log_softmax(i.x as Tensor, -1),
);
bind(
  "leaky_relu",
  () => ({ x: x() }),
  (i) => F.leaky_relu(i.x as Tensor),
);
bind(
  "leaky_relu_02",
  () => ({ x: x() }),
  (i) => F.leaky_relu(i.x as Tensor, 0.2),
);
bind(
  "gelu",
  () => ({ x: x() }),
  (i) => F.gelu(i.x as Tensor),
);
bind(
  "gelu_tanh",
  () => ({ x: x() }),
  (i) => F.gelu(i.x as Tensor, "tanh"),
);
bind(
  "softplus",
  () => ({ x: x() }),
  (i) => F.softplus(i.x as Tensor),
);
bind(
  "softplus_beta2_th1",
  () => ({ x: x() }),
  (i) => F.softplus(i.x as Tensor, 2, 1),
);
bind(
  "linear_bias",
  () => ({ x: x(), w: f32(W, true), b: f32([0.05, -0.05], true) }),
  (i) => F.linear(i.x as Tensor, i.w as Tensor, i.b as Tensor),
);
bind(
  "linear_nobias",
  () => ({ x: x(), w: f32(W, true) }),
  (i) => F.linear(i.x as Tensor, i.w as Tensor),
);
bind(
  "linear_1d",
  () => ({ x: f32([1.0, 2.0, -1.0, 0.5], true), w: f32(W, true), b: f32([0.05, -0.05], true) }),
  (i) => F.linear(i.x as Tensor, i.w as Tensor, i.b as Tensor),
);
bind(
  "mse_mean",
  () => ({ x: x(), t: f32(T) }),
  (i) => F.mse_loss(i.x as Tensor, i.t as Tensor),
);
bind(
  "mse_sum",
  () => ({ x: x(), t: f32(T, true) }),
  (i) => F.mse_loss(i.x as Tensor, i.t as Tensor, "sum"),
);
bind(
  "mse_none",
  () => ({ x: x(), t: f32(T) }),
  (i) => F.mse_loss(i.x as Tensor, i.t as Tensor, "none"),
);
bind(
  "l1_mean",
  () => ({ x: x(), t: f32(T) }),
  (i) => F.l1_loss(i.x as Tensor, i.t as Tensor),
);
bind(
  "l1_sum",
  () => ({ x: x(), t: f32(T) }),
  (i) => F.l1_loss(i.x as Tensor, i.t as Tensor, "sum"),
);
bind(
  "l1_none",
  () => ({ x: x(), t: f32(T) }),
  (i) => F.l1_loss(i.x as Tensor, i.t as Tensor, "none"),
);
const bce = (reduction: string) => (i: Record<string, Tensor>) =>
  F.binary_cross_entropy(i.p as Tensor, i.y as Tensor, { reduction });
bind("bce_mean", () => ({ p: f32(P, true), y: f32(Y01) }), bce("mean"));
bind("bce_sum", () => ({ p: f32(P, true), y: f32(Y01) }), bce("sum"));
bind("bce_none", () => ({ p: f32(P, true), y: f32(Y01) }), bce("none"));
bind("bce_extremes", () => ({ p: f32([0, 1, 0, 1], true), y: f32([0, 1, 1, 0]) }), bce("none"));
bind(
  "bce_logits_mean",
  () => ({ x: x(), y: f32(Y01) }),
  (i) => F.binary_cross_entropy_with_logits(i.x as Tensor, i.y as Tensor),
);
bind(
  "bce_logits_none",
  () => ({ x: x(), y: f32(Y01) }),
  (i) => F.binary_cross_entropy_with_logits(i.x as Tensor, i.y as Tensor, { reduction: "none" }),
);
bind(
  "bce_logits_posw",
  () => ({ x: x(), y: f32(Y01) }),
  (i) =>
    F.binary_cross_entropy_with_logits(i.x as Tensor, i.y as Tensor, {
      pos_weight: f32([1, 2, 0.5, 3]),
    }),
);
const tgt = () => long([3, 0, 1]);
bind(
  "cross_entropy_mean",
  () => ({ x: x() }),
  (i) => F.cross_entropy(i.x as Tensor, tgt()),
);
bind(
  "cross_entropy_sum",
  () => ({ x: x() }),
  (i) => F.cross_entropy(i.x as Tensor, tgt(), { reduction: "sum" }),
);
bind(
  "cross_entropy_none",
  () => ({ x: x() }),
  (i) => F.cross_entropy(i.x as Tensor, tgt(), { reduction: "none" }),
);
bind(
  "cross_entropy_weight",
  () => ({ x: x() }),
  (i) => F.cross_entropy(i.x as Tensor, tgt(), { weight: f32([1, 2, 0.5, 3]) }),
);
bind(
  "cross_entropy_ignore",
  () => ({ x: x() }),
  (i) => F.cross_entropy(i.x as Tensor, long([3, -100, 1])),
);
bind(
  "cross_entropy_1d",
  () => ({ x: f32([0.5, -1.0, 2.0], true) }),
  (i) => F.cross_entropy(i.x as Tensor, long(2)),
);
bind(
  "nll_mean",
  () => ({ x: x() }),
  (i) => F.nll_loss(i.x as Tensor, tgt()),
);
bind(
  "nll_ignore_sum",
  () => ({ x: x() }),
  (i) => F.nll_loss(i.x as Tensor, long([3, 1, 1]), { ignore_index: 1, reduction: "sum" }),
);

const z = (shape: number[]): Tensor => zeros(shape, { device });

/** The calls whose exception type and message gen_nn.py recorded, by name. */
export const ERROR_CALLS: Record<string, () => unknown> = {
  ce_batch: () => F.cross_entropy(z([3, 4]), long([0, 1])),
  nll_oob: () => F.nll_loss(z([3, 4]), long([0, 1, 5])),
  nll_float_target: () => F.nll_loss(z([3, 4]), f32([0, 1, 1])),
  bce_size: () => F.binary_cross_entropy(z([3]), z([2])),
  bce_range: () => F.binary_cross_entropy(f32([1.5]), z([1])),
  bce_logits_size: () => F.binary_cross_entropy_with_logits(z([3]), z([2])),
  dropout_p: () => F.dropout(z([3]), 1.5),
  mse_broadcast: () => F.mse_loss(z([3]), z([2])),
  mse_reduction: () => F.mse_loss(z([3]), z([3]), "avg"),
  linear_shapes: () => F.linear(z([3, 4]), z([2, 3])),
  fan_1d: () => init.xavier_uniform_(z([3])),
};

// torch.optim: each option set steps [w, b] six times on
//   sum(coef * (w - target)^2) + sum(b^4).

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

export const OPTIMIZERS: Record<string, (p: Tensor[]) => Optimizer> = {
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

/** Reads a tensor's values (synchronously on the CPU, awaited from a GPU). */
export type Read = (t: Tensor) => Promise<ArrayLike<number>>;
const values = async (read: Read, t: Tensor): Promise<number[]> => Array.from(await read(t));

/** A leaf on the case device with t's values (a CPU-made parameter moved as a leaf). */
const leafOn = (t: Tensor): Tensor => t.detach().to(device).requiresGrad_();

export interface Step {
  w: number[];
  b: number[];
  loss: number;
}

/** Six steps of the optimizer `make` builds; each step's loss (before it) and parameters. */
export async function optimizerSteps(
  make: (p: Tensor[]) => Optimizer,
  read: Read,
  steps = 6,
): Promise<{ trajectory: Step[]; opt: Optimizer }> {
  const w = f32(P0, true);
  const b = f32(B0, true);
  const opt = make([w, b]);
  const target = f32(TARGET);
  const coef = f32(COEF);
  const trajectory: Step[] = [];
  for (let i = 0; i < steps; i++) {
    opt.zero_grad();
    const loss = w.sub(target).pow(2).mul(coef).sum().add(b.pow(4).sum());
    loss.backward();
    opt.step();
    const [l] = await values(read, loss);
    trajectory.push({ w: await values(read, w), b: await values(read, b), loss: l as number });
  }
  return { trajectory, opt };
}

export interface Trained {
  x: number[];
  y: number[];
  init: { weight: number[]; bias: number[] };
  losses: number[];
  weight: number[];
  bias: number[];
}

/**
 * Linear regression y = 2x + 1 + noise: data and nn.Linear(1, 1)'s parameters drawn on the CPU
 * after manual_seed(0) (PyTorch's CPU generator, which the fixture recorded), moved to the case
 * device, then 100 steps of mse_loss and the optimizer.
 */
export async function regression(make: (p: Tensor[]) => Optimizer, read: Read): Promise<Trained> {
  manual_seed(0);
  const xc = randn([100, 1]);
  const yc = xc
    .mul(2)
    .add(1)
    .add(randn([100, 1]).mul(0.1));
  const p = init.linearParameters(1, 1);
  const first = {
    weight: Array.from(p.weight.dataSync()),
    bias: Array.from((p.bias as Tensor).dataSync()),
  };
  const [x, y, weight, bias] = [
    xc.to(device),
    yc.to(device),
    leafOn(p.weight),
    leafOn(p.bias as Tensor),
  ];
  const opt = make([weight, bias]);
  const losses: Tensor[] = [];
  for (let step = 0; step < 100; step++) {
    opt.zero_grad();
    const loss = F.mse_loss(F.linear(x, weight, bias), y);
    loss.backward();
    opt.step();
    losses.push(loss.detach());
  }
  return {
    x: Array.from(xc.dataSync()),
    y: Array.from(yc.dataSync()),
    init: first,
    losses: (await Promise.all(losses.map((l) => values(read, l)))).flat(),
    weight: await values(read, weight),
    bias: await values(read, bias),
  };
}

/** Mini-batch SGD over DataLoader(TensorDataset(x, 3x - 0.5), batch_size=8, shuffle=True), 3 epochs. */
export async function loaderTraining(read: Read): Promise<Omit<Trained, "x" | "y" | "init">> {
  manual_seed(0);
  const xc = randn([20, 1]);
  const yc = xc.mul(3).sub(0.5);
  const p = init.linearParameters(1, 1);
  const [weight, bias] = [leafOn(p.weight), leafOn(p.bias as Tensor)];
  const opt = new SGD([weight, bias], { lr: 0.1 });
  const data = new TensorDataset(xc.to(device), yc.to(device));
  const loader = new DataLoader(data, { batch_size: 8, shuffle: true });
  const losses: Tensor[] = [];
  for (let epoch = 0; epoch < 3; epoch++) {
    for (const [xb, yb] of loader) {
      opt.zero_grad();
      const loss = F.mse_loss(F.linear(xb as Tensor, weight, bias), yb as Tensor);
      loss.backward();
      opt.step();
      losses.push(loss.detach());
    }
  }
  return {
    losses: (await Promise.all(losses.map((l) => values(read, l)))).flat(),
    weight: await values(read, weight),
    bias: await values(read, bias),
  };
}
