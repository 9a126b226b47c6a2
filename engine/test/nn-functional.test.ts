// torch.nn.functional and nn.init against engine/fixtures/nn.json: forward values, grad_fn
// names, gradients for PyTorch's upstream gradient, error texts, dropout's draws and
// the initialisers' draws (nn.Linear(3, 2) after manual_seed(0)).

import { F, init, manual_seed, ones, type Tensor, tensor, zeros } from "torchlit";
import { describe, expect, it } from "vitest";
import { type Enc, expectExact, expectTensor, fixture } from "./nn-fixture.ts";

interface Case {
  out: Enc;
  grad_fn: string | null;
  upstream?: Enc;
  grads?: Record<string, Enc>;
}
interface Functional {
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

const f32 = (v: number[] | number[][], grad = false): Tensor =>
  tensor(v, { dtype: "float32", requiresGrad: grad });
const long = (v: number[] | number): Tensor => tensor(v, { dtype: "int64" });

/** name -> (inputs, fn): the same calls gen_nn.py makes. */
const CASES: Record<string, () => [Record<string, Tensor>, Tensor]> = {};
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
  const calls: Record<string, () => unknown> = {
    ce_batch: () => F.cross_entropy(zeros([3, 4]), long([0, 1])),
    nll_oob: () => F.nll_loss(zeros([3, 4]), long([0, 1, 5])),
    nll_float_target: () => F.nll_loss(zeros([3, 4]), f32([0, 1, 1])),
    bce_size: () => F.binary_cross_entropy(zeros([3]), zeros([2])),
    bce_range: () => F.binary_cross_entropy(f32([1.5]), zeros([1])),
    bce_logits_size: () => F.binary_cross_entropy_with_logits(zeros([3]), zeros([2])),
    dropout_p: () => F.dropout(zeros([3]), 1.5),
    mse_broadcast: () => F.mse_loss(zeros([3]), zeros([2])),
    mse_reduction: () => F.mse_loss(zeros([3]), zeros([3]), "avg"),
    linear_shapes: () => F.linear(zeros([3, 4]), zeros([2, 3])),
    fan_1d: () => init.xavier_uniform_(zeros([3])),
  };
  for (const [name, call] of Object.entries(calls)) {
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
