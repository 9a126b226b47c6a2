// Learner mistakes raise what PyTorch 1.13 raises: each case of engine/fixtures/errors.json
// (gen_errors.py) is mirrored here in TypeScript and must throw a TorchError with the same
// Python exception type and the same message.

import { existsSync, readFileSync } from "node:fs";
import { cat, ones, stack, TorchError, tensor } from "torchlit";
import { describe, expect, it } from "vitest";

const FIXTURE = new URL("../fixtures/errors.json", import.meta.url);
if (!existsSync(FIXTURE)) {
  throw new Error(
    "engine/fixtures/errors.json is missing: run /usr/bin/python3 engine/fixtures/gen_errors.py",
  );
}
const CASES = (
  JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: Record<string, [string, string]> }
).cases;

const rg = () => ones([2], { requiresGrad: true });

const MIRROR: Record<string, () => unknown> = {
  matmul_shape_mismatch: () => ones([2, 3]).matmul(ones([2, 3])),
  mm_of_vectors: () => ones([3]).mm(ones([3])),
  broadcast_mismatch: () => ones([2, 3]).add(ones([2, 2])),
  inplace_cannot_broadcast: () => ones([3]).add_(ones([2, 3])),
  view_wrong_numel: () => ones([6]).view(4, 2),
  view_non_contiguous: () => ones([2, 3]).t().view(-1),
  cat_mismatched_shapes: () => cat([ones([2, 3]), ones([2, 2])]),
  stack_different_sizes: () => stack([ones([2]), ones([3])]),
  dim_out_of_range: () => ones([2, 3]).sum(2),
  dot_size_mismatch: () => ones([3]).dot(ones([4])),
  index_out_of_range: () => ones([3]).index([5]),
  float_index_tensor: () => ones([3]).index([tensor([0.0, 1.0], { dtype: "float32" })]),
  index_select_float_index: () => ones([3]).index_select(0, tensor([0], { dtype: "float32" })),
  mask_shape_mismatch: () => ones([3]).index([tensor([true, false])]),
  advanced_index_out_of_range: () => ones([3]).index([tensor([0, 3])]),
  mean_of_int_tensor: () => tensor([1, 2, 3]).mean(),
  int_inplace_float_result: () => tensor([1, 2]).add_(0.5),
  int_requires_grad: () => tensor([1, 2]).requiresGrad_(),
  ragged_nested_list: () => tensor([[1, 2], [3]]),
  item_on_many_elements: () => ones([3]).item(),
  backward_twice: () => {
    const x = rg();
    const y = x.mul(x).sum();
    y.backward();
    y.backward();
  },
  backward_without_grad: () => ones([2]).sum().backward(),
  backward_non_scalar: () => rg().mul(2).backward(),
  leaf_inplace: () => rg().mul_(2),
  modified_after_saved: () => {
    const y = rg().exp();
    y.add_(1);
    y.sum().backward();
  },
};

describe("common mistakes raise PyTorch's exception (fixtures/errors.json)", () => {
  it("mirrors every fixture case", () => {
    expect(Object.keys(MIRROR).sort()).toEqual(Object.keys(CASES).sort());
  });
  for (const [name, [type, message]] of Object.entries(CASES)) {
    it(name, () => {
      const run = MIRROR[name];
      if (!run) throw new Error(`no TypeScript mirror for ${name}`);
      let caught: unknown = null;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught, `${name} raised nothing`).toBeInstanceOf(TorchError);
      const e = caught as TorchError;
      expect([e.pyType, e.message]).toEqual([type, message]);
    });
  }
});
