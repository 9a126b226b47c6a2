// Autograd against PyTorch 1.13: every case of engine/fixtures/autograd.json (gen_autograd.py)
// is mirrored here line for line in TypeScript, and its recorded values, grad_fn names and
// errors must match. Also: a 100k-node chain runs backward without overflowing the stack.

import { existsSync, readFileSync } from "node:fs";
import {
  arange,
  autograd,
  enableGrad,
  noGrad,
  ones,
  type Tensor,
  TorchError,
  tensor,
  zeros,
} from "torchlit";
import { describe, expect, it } from "vitest";

type Enc = { shape: number[]; dtype: string; values: number[] } | null;
type Value = Enc | Enc[] | (string | boolean | number | null)[] | string | null;
type Result = Record<string, Value>;

const FIXTURE = new URL("../fixtures/autograd.json", import.meta.url);
if (!existsSync(FIXTURE)) {
  throw new Error(
    "engine/fixtures/autograd.json is missing: run /usr/bin/python3 engine/fixtures/gen_autograd.py",
  );
}
const CASES = (JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: Record<string, Result> })
  .cases;

const enc = (t: Tensor | null | undefined): Enc =>
  t
    ? {
        shape: [...t.shape],
        dtype: t.dtype,
        values: Array.from(t.detach().contiguous().dataSync()),
      }
    : null;
const name = (t: Tensor): string | null => t.gradFn?.name ?? null;
function err(fn: () => unknown): [string, string] | null {
  try {
    fn();
  } catch (e) {
    if (e instanceof TorchError) return [e.pyType, e.message];
    throw e;
  }
  return null;
}
const f32 = { dtype: "float32" } as const;
const t32 = (v: number[]) => tensor(v, f32);
const rg = (v: number[]) => tensor(v, { dtype: "float32", requiresGrad: true });
const ar = (n: number, ...shape: number[]) => {
  const a = arange(n, undefined, 1, f32);
  return shape.length > 0 ? a.reshape(shape) : a;
};
const all = { start: null, stop: null };

const MIRROR: Record<string, () => Result> = {
  setitem_on_nonleaf() {
    const x = rg([1, 2, 3]);
    const y = x.mul(2);
    y.indexPut_([0], 0);
    y.sum().backward();
    return { grad_fn: name(y), y: enc(y), grad: enc(x.grad) };
  },
  mul_on_column_view() {
    const x = ar(6, 2, 3).requiresGrad_();
    const y = x.clone();
    const v = y.index([all, 1]);
    const r = v.mul_(3);
    const names = [name(v), name(y), r === v];
    y.mul(y).sum().backward();
    return { names, y: enc(y), grad: enc(x.grad) };
  },
  sibling_view_sees_rewrite() {
    const x = ar(6, 2, 3).requiresGrad_();
    const y = x.clone();
    const v1 = y.index([0]);
    const v2 = y.index([0, { start: 1 }]);
    const before = name(v1);
    v2.mul_(3);
    v1.mul(v1).sum().backward();
    return { names: [before, name(v1)], grad: enc(x.grad) };
  },
  view_of_plain_tensor_takes_grad() {
    const w = rg([2, 3]);
    const z = zeros([3]);
    z.index([{ start: 1 }]).add_(w);
    const names = [name(z), z.isLeaf, z.requiresGrad];
    z.mul(z).sum().backward();
    return { names, z: enc(z), grad: enc(w.grad) };
  },
  view_made_before_base_inplace() {
    const x = ones([4], { requiresGrad: true });
    const y = x.mul(1);
    const v = y.index([{ start: 1 }]);
    y.mul_(2);
    v.sum().backward();
    return { names: [name(v)], grad: enc(x.grad) };
  },
  exp_on_transposed_view() {
    const x = ar(6, 2, 3).div(6).requiresGrad_();
    const y = x.mul(1);
    const v = y.t();
    v.exp_();
    const names = [name(v), name(y)];
    y.mul(ar(6, 2, 3))
      .sum()
      .backward();
    return { names, grad: enc(x.grad) };
  },
  inplace_on_view_of_view() {
    const x = ar(12, 3, 4).requiresGrad_();
    const y = x.add(0);
    const v = y.index([{ start: 1 }]).narrow(1, 1, 2);
    v.pow_(2);
    v.add_(y.index([0, { stop: 2 }]));
    y.mul(2).sum().backward();
    return { names: [name(v), name(y)], y: enc(y), grad: enc(x.grad) };
  },
  copy_into_view() {
    const a = rg([1, 2]);
    const b = rg([5, 6, 7]);
    const y = b.mul(1);
    y.index([{ stop: 2 }]).copy_(a.mul(a));
    y.mul(t32([1, 10, 100]))
      .sum()
      .backward();
    return { names: [name(y)], ga: enc(a.grad), gb: enc(b.grad) };
  },
  unbind_output_modified() {
    const y = ones([4], { requiresGrad: true }).mul(1);
    const [a] = y.unbind();
    return { error: err(() => a?.mul_(2)) };
  },
  split_output_modified() {
    const y = ones([4], { requiresGrad: true }).mul(1);
    const [, b] = y.split(2);
    return { error: err(() => b?.mul_(2)) };
  },
  view_of_leaf_modified() {
    const x = ones([3], { requiresGrad: true });
    return { error: err(() => x.index([0]).mul_(2)) };
  },
  saved_view_base_modified() {
    const x = ones([2, 3], { requiresGrad: true });
    const y = x.exp();
    y.t().exp_();
    return { error: err(() => y.sum().backward()) };
  },
  copy_slices_second_backward() {
    const x = ones([3], { requiresGrad: true });
    const y = x.mul(2);
    y.index([0]).add_(1);
    y.backward(ones([3]));
    return { error: err(() => y.sum().backward()), grad: enc(x.grad) };
  },
  version_counter_shared_by_views() {
    const x = zeros([3]);
    const v = x.index([{ start: 1 }]);
    x.add_(1);
    v.mul_(2);
    x.indexPut_([0], 5);
    return { versions: [x.version, v.version] };
  },
  modified_after_saved() {
    const x = ones([3], { requiresGrad: true });
    const y = x.sigmoid();
    const z = y.mul(1);
    y.add_(1);
    return { error: err(() => z.sum().backward()), names: [name(y)] };
  },
  leaf_inplace() {
    const x = ones([3], { requiresGrad: true });
    return { error: err(() => x.add_(1)) };
  },
  leaf_inplace_no_grad() {
    const x = ones([3], { requiresGrad: true });
    noGrad(() => x.add_(1));
    return { x: enc(x), names: [x.isLeaf, x.requiresGrad] };
  },
  backward_with_gradient() {
    const x = ar(3).requiresGrad_();
    x.mul(x).backward(t32([1, 0.1, 0.01]));
    return { grad: enc(x.grad) };
  },
  grad_accumulates() {
    const x = rg([1, 2]);
    const y = x.mul(x).sum();
    y.backward(null, true);
    y.backward();
    return { grad: enc(x.grad) };
  },
  backward_twice() {
    const x = rg([1, 2]);
    const y = x.mul(x).sum();
    y.backward();
    return { error: err(() => y.backward()) };
  },
  nonscalar_backward() {
    const x = ones([2], { requiresGrad: true });
    return { error: err(() => x.mul(2).backward()) };
  },
  broadcast_reduces_to_shape() {
    const a = ones([3, 1], { requiresGrad: true });
    const b = ones([4], { requiresGrad: true });
    const c = tensor(2, { dtype: "float32", requiresGrad: true });
    a.add(b).mul(c).sum().backward();
    return { ga: enc(a.grad), gb: enc(b.grad), gc: enc(c.grad) };
  },
  diamond_graph() {
    const x = tensor(3, { dtype: "float32", requiresGrad: true });
    const a = x.mul(2);
    const b = a.exp();
    const c = a.sin();
    b.mul(c).backward();
    return { grad: enc(x.grad), names: [name(a), name(b), name(c)] };
  },
  autograd_grad_basic() {
    const x = rg([1, 2]);
    const w = rg([3, 4]);
    const [gx, gw] = autograd.grad(x.mul(w).sum(), [x, w]);
    return { gx: enc(gx), gw: enc(gw), x_grad: enc(x.grad) };
  },
  autograd_grad_intermediate_keeps_graph() {
    const x = rg([1, 2]);
    const h = x.exp();
    const [gh] = autograd.grad(h.mul(h).sum(), [h]);
    h.sum().backward();
    return { gh: enc(gh), grad: enc(x.grad) };
  },
  autograd_grad_unused() {
    const x = rg([1, 2]);
    const z = rg([1]);
    const y = x.mul(2).sum();
    const e = err(() => autograd.grad(y, [x, z], null, { retainGraph: true }));
    const [gx, gz] = autograd.grad(y, [x, z], null, { allowUnused: true });
    return { error: e, gx: enc(gx), gz: enc(gz) };
  },
  autograd_grad_create_graph() {
    const x = rg([0.5, 2]);
    const y = x.pow(3).sum();
    const [g] = autograd.grad(y, [x], null, { createGraph: true });
    const [g2] = autograd.grad((g as Tensor).sum(), [x]);
    return { g: enc(g), g2: enc(g2), names: [name(g as Tensor)] };
  },
  autograd_grad_outputs() {
    const x = rg([1, 2, 3]);
    const [g] = autograd.grad([x.mul(x)], [x], [t32([1, 0, 2])]);
    return { g: enc(g) };
  },
  no_grad_and_enable_grad() {
    const x = ones([2], { requiresGrad: true });
    let b: Tensor | null = null;
    const a = noGrad(() => {
      b = enableGrad(() => x.mul(2));
      return x.mul(2);
    });
    const bb = b as unknown as Tensor;
    return { names: [a.requiresGrad, name(bb), bb.requiresGrad] };
  },
  detach_shares_storage() {
    const x = ones([2], { requiresGrad: true });
    const y = x.mul(2);
    const d = y.detach();
    d.add_(1);
    return { y: enc(y), names: [d.requiresGrad, d.isLeaf, y.version] };
  },
  int_requires_grad() {
    return { error: err(() => tensor([1, 2]).requiresGrad_()) };
  },
  hooks_and_retain_grad() {
    const x = ones([2], { requiresGrad: true });
    x.register_hook((g) => g.mul(2));
    const y = x.mul(1);
    y.register_hook((g) => g.add(1));
    y.retainGrad();
    y.mul(y).sum().backward();
    return { gx: enc(x.grad), gy: enc(y.grad) };
  },
  hook_on_plain_tensor() {
    return { error: err(() => ones([2]).register_hook((g) => g)) };
  },
  retain_grad_nonleaf() {
    const x = ones([2], { requiresGrad: true });
    const y = x.mul(3);
    const z = y.mul(y);
    y.retainGrad();
    z.sum().backward();
    return { gy: enc(y.grad), gz: enc(z.grad), gx: enc(x.grad) };
  },
};

describe("autograd matches PyTorch 1.13 (fixtures/autograd.json)", () => {
  it("mirrors every fixture case", () => {
    expect(Object.keys(MIRROR).sort()).toEqual(Object.keys(CASES).sort());
  });
  for (const [caseName, expected] of Object.entries(CASES)) {
    it(caseName, () => {
      const run = MIRROR[caseName];
      if (!run) throw new Error(`no TypeScript mirror for ${caseName}`);
      const got = run();
      expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) expectSame(got[k], v, `${caseName}.${k}`);
    });
  }
});

/** Exact equality, except float values compared with a float32 tolerance. */
function expectSame(got: unknown, want: unknown, where: string): void {
  if (typeof want === "number" && typeof got === "number") {
    expect(Math.abs(got - want), where).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(want));
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got), where).toBe(true);
    expect((got as unknown[]).length, where).toBe(want.length);
    want.forEach((w, i) => {
      expectSame((got as unknown[])[i], w, `${where}[${i}]`);
    });
  } else if (want !== null && typeof want === "object") {
    expect(got, where).toBeTypeOf("object");
    for (const [k, w] of Object.entries(want)) {
      expectSame((got as Record<string, unknown>)[k], w, `${where}.${k}`);
    }
  } else {
    expect(got, where).toEqual(want);
  }
}

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
