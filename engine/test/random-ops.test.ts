// torch.rand/randn/randint/randperm/normal and the in-place fills, replayed against
// engine/fixtures/nn.json: the same seed must give PyTorch's values bit for bit.

import {
  arange,
  default_generator,
  Generator,
  initial_seed,
  manual_seed,
  normal,
  ones,
  rand,
  rand_like,
  randint,
  randint_like,
  randn,
  randn_like,
  randperm,
  Tensor,
  tensor,
  zeros,
} from "torchlit";
import { describe, expect, it } from "vitest";
import { type Enc, expectExact, expectTensor, fixture } from "./nn-fixture.ts";

type Section = Record<string, Enc>;
const random = () => fixture<Record<string, Section | number>>("random");

describe("random factories after manual_seed(0)", () => {
  it("draw the same sequence as PyTorch, call after call", () => {
    const f = random().seq_seed0 as Section;
    manual_seed(0);
    expectExact(rand([5]), f.rand_5 as Enc);
    expectExact(randn([20]), f.randn_20 as Enc);
    expectExact(randn([3]), f.randn_3 as Enc);
    expectExact(randint(0, 10, [2, 3]), f.randint_0_10_2x3 as Enc);
    expectExact(randint(5, [4]), f.randint_5_4 as Enc);
    expectExact(randperm(7), f.randperm_7 as Enc);
    expectExact(normal(2, 3, [4]), f.normal_2_3_4 as Enc);
    expectExact(rand([2, 3], { dtype: "float64" }), f.rand_2x3_f64 as Enc);
    expectExact(Tensor.empty([5], "float32").uniform_(-1, 1), f.uniform_m1_1 as Enc);
    expectExact(Tensor.empty([17], "float32").normal_(1, 0.5), f.normal_1_half_17 as Enc);
    expectExact(Tensor.empty([6], "float32").random_(0, 100), f.random_0_100 as Enc);
    expectExact(Tensor.empty([4], "int64").random_(10), f.random_10_int64 as Enc);
    expectExact(Tensor.empty([8], "float32").bernoulli_(0.3), f.bernoulli_03 as Enc);
    expectExact(rand_like(zeros([2, 2])), f.rand_like as Enc);
    expectExact(randn_like(zeros([3, 2])), f.randn_like as Enc);
    expectExact(randint_like(zeros([3]), 3, 9), f.randint_like as Enc);
  });

  it("draw from an explicit Generator without touching the default one", () => {
    const f = random().generator_seed7 as Section;
    const g = new Generator().manual_seed(7);
    manual_seed(0);
    const before = default_generator.get_state();
    expectExact(rand([4], { generator: g }), f.rand_4 as Enc);
    expectExact(randn([2], { generator: g }), f.randn_2 as Enc);
    expectExact(randperm(5, { generator: g }), f.randperm_5 as Enc);
    expect(default_generator.get_state()).toEqual(before);
  });
});

describe("manual_seed and initial_seed", () => {
  it("report the seed last set", () => {
    manual_seed(42);
    expect(initial_seed()).toBe(BigInt(random().initial_seed_42 as number));
  });
  it("returns the default generator", () => {
    expect(manual_seed(1)).toBe(default_generator);
  });
});

describe("in-place random fills", () => {
  it("raise PyTorch's RuntimeError texts for bad bounds", () => {
    expect(() => randint(5, 5, [2])).toThrow(
      "random_ expects 'from' to be less than 'to', but got from=5 >= to=5",
    );
    expect(() => Tensor.empty([2], "float32").uniform_(2, 1)).toThrow(
      "uniform_ expects to return a [from, to) range, but found from=2 > to=1",
    );
    expect(() => Tensor.empty([2], "float32").normal_(0, -1)).toThrow(
      "normal expects std >= 0.0, but found std -1",
    );
    expect(() => Tensor.empty([2], "float32").bernoulli_(1.5)).toThrow(
      "bernoulli_ expects p to be in [0, 1], but got p=1.5",
    );
    try {
      randint(5, 5, [2]);
    } catch (e) {
      expect((e as Error).name).toBe("RuntimeError");
    }
  });
  it("refuse a leaf that requires grad, as PyTorch does", () => {
    const w = zeros([3], { requiresGrad: true });
    expect(() => w.uniform_()).toThrow(/leaf Variable that requires grad/);
  });
  it("fill a non-contiguous view in memory order, as PyTorch does, and bump the version", () => {
    manual_seed(0);
    const base = zeros([2, 3]);
    const v = base.t();
    const before = v.version;
    v.uniform_();
    expect(v.version).toBe(before + 1);
    manual_seed(0);
    // PyTorch 1.13: zeros(2, 3).t().uniform_() draws into the storage in order.
    const expected = rand([2, 3]).t().tolist();
    expect(v.tolist()).toEqual(expected);
  });
  it("leave requires_grad=True on factories that ask for it", () => {
    expect(randn([2], { requiresGrad: true }).requiresGrad).toBe(true);
  });
  it("draw normal(mean, std) with tensors as PyTorch: broadcast shape, mean's dtype", () => {
    const f = random().normal_tensors_seed3 as Section;
    manual_seed(3);
    expectExact(normal(zeros([3]), ones([3])), f.tt_3 as Enc);
    expectExact(normal(zeros([20]), ones([20])), f.tt_20 as Enc);
    expectExact(normal(arange(0, 5, 1, { dtype: "float32" }), 0.5), f.tf_5 as Enc);
    expectExact(normal(1, arange(1, 4, 1, { dtype: "float32" })), f.ft_3 as Enc);
    expectExact(normal(zeros([3, 1]), ones([1, 4])), f.tt_3x1_1x4 as Enc);
    // float64 draws use the platform's log/sin/cos (random/distributions.ts): within an ulp.
    expectTensor(normal(zeros([2], { dtype: "float64" }), ones([2])), f.tt_f64_mean as Enc);
    expectExact(normal(zeros([2]), ones([2], { dtype: "float64" })), f.tt_f64_std as Enc);
    const r = arange(0, 17, 1, { dtype: "float32" });
    expectExact(normal(r, r.div(4)), f.tt_scaled_17 as Enc);
  });
  it("record normal's NormalBackward nodes, whose gradients are zero", () => {
    const m = zeros([3]).requiresGrad_();
    const s = ones([3]).requiresGrad_();
    expect(normal(m, 1).gradFn?.name).toBe("NormalBackward1");
    expect(normal(0, s).gradFn?.name).toBe("NormalBackward2");
    const y = normal(m, s);
    expect(y.gradFn?.name).toBe("NormalBackward3");
    y.sum().backward();
    expect(Array.from(m.grad?.dataSync() ?? [])).toEqual([0, 0, 0]);
    expect(Array.from(s.grad?.dataSync() ?? [])).toEqual([0, 0, 0]);
  });
  it("refuse normal(mean, std) with shapes that do not broadcast", () => {
    expect(() => normal(zeros([2]), ones([3]))).toThrow(
      "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
    );
  });
  it("compose normal(mean tensor, std) as normal_(0, std) + mean", () => {
    manual_seed(0);
    const n = normal(tensor([10, 20], { dtype: "float32" }), 1);
    manual_seed(0);
    const z = randn([2]);
    expect(Array.from(n.dataSync())).toEqual(Array.from(z.add(tensor([10, 20])).dataSync()));
  });
});
