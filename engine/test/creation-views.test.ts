// Tensor.new_* / *_like and the storage geometry of views and copies, against PyTorch 1.13
// (engine/fixtures/creation.json from gen_creation.py; every case is mirrored here by name).
// data_ptr distances are compared for views only: a copy's address is the allocator's business.

import { existsSync, readFileSync } from "node:fs";
import {
  arange,
  full_like,
  ones,
  ones_like,
  PyFloat,
  type Tensor,
  tensor,
  zeros_like,
} from "torchlit";
import { describe, expect, it } from "vitest";

const FIXTURE = new URL("../fixtures/creation.json", import.meta.url);
if (!existsSync(FIXTURE)) {
  throw new Error(
    "engine/fixtures/creation.json is missing: run /usr/bin/python3 engine/fixtures/gen_creation.py",
  );
}
const FIX = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  new: Record<string, Record<string, unknown>>;
  views: Record<string, Record<string, unknown>>;
};

const x64 = () => ones([2, 3], { dtype: "float64", requiresGrad: true }).t();

const NEW: Record<string, () => Tensor> = {
  new_tensor: () => x64().new_tensor([1, 2]),
  new_zeros: () => x64().new_zeros([2]),
  new_ones: () => x64().new_ones([1, 2]),
  new_full_int_value: () => x64().new_full([2], 7),
  new_full_bool_value: () => x64().new_full([2], true),
  new_empty: () => x64().new_empty([0]),
  new_tensor_dtype: () => x64().new_tensor([1.5], { dtype: "int32" }),
  new_tensor_from_long: () => tensor([1, 2]).new_tensor([1.7]),
  new_full_long: () => tensor([1, 2]).new_full([2], new PyFloat(2.5)),
  new_ones_requires_grad: () => x64().new_ones([2], { requiresGrad: true }),
  zeros_like_transposed: () => zeros_like(ones([2, 3]).t()),
  ones_like_dtype: () => ones_like(ones([2, 2]), { dtype: "int64" }),
  full_like: () => full_like(ones([3], { dtype: "int32" }), 4),
};

const all = { start: null, stop: null };
const VIEWS: Record<string, (b: Tensor) => Tensor> = {
  index_int_slice: (b) => b.index([1, all, { start: 1, stop: 3 }]),
  index_none_ellipsis: (b) => b.index([null, "...", 2]),
  view_minus_one: (b) => b.view(-1, 6),
  reshape_view: (b) => b.reshape(6, 4),
  reshape_copy: (b) => b.transpose(0, 1).reshape(-1),
  transpose: (b) => b.transpose(0, 2),
  permute: (b) => b.permute(2, 0, 1),
  t_of_matrix: (b) => b.index([0]).t(),
  T_property: (b) => b.index([0]).T,
  expand: (b) => b.index([all, { stop: 1 }, all]).expand(2, 5, 4),
  expand_as: (b) => b.index([0, 0]).expand_as(b),
  expand_new_size_1_dims: (b) => b.index([0, 0]).expand(1, 3, 1, 4),
  expand_0_dim: (b) => b.index([0, 0, 0]).expand(1, 2),
  narrow: (b) => b.narrow(2, 1, 2),
  squeeze: (b) => b.index([all, { stop: 1 }]).squeeze(),
  unsqueeze: (b) => b.unsqueeze(1),
  flatten: (b) => b.flatten(1),
  unbind_1: (b) => b.unbind(1)[1] as Tensor,
  chunk_last: (b) => b.chunk(3, 2).at(-1) as Tensor,
  split_sizes: (b) => b.split([1, 2], 1)[1] as Tensor,
  detach: (b) => b.detach(),
  data: (b) => b.dataAlias(),
  contiguous_copy: (b) => b.transpose(1, 2).contiguous(),
  contiguous_noop: (b) => b.contiguous(),
  clone_copy: (b) => b.index([all, 1]).clone(),
  advanced_index_copy: (b) => b.index([[0, 1], 1]),
};

describe("Tensor.new_* and *_like (fixtures/creation.json)", () => {
  it("mirrors every fixture case", () => {
    expect(Object.keys(NEW).sort()).toEqual(Object.keys(FIX.new).sort());
  });
  for (const [name, want] of Object.entries(FIX.new)) {
    it(name, () => {
      const r = (NEW[name] as () => Tensor)();
      expect({
        shape: [...r.shape],
        dtype: r.dtype,
        stride: [...r.strides],
        requires_grad: r.requiresGrad,
        is_leaf: r.isLeaf,
        values: Array.from(r.dataSync(), (v) => (r.dtype === "bool" ? v !== 0 : v)),
      }).toEqual(want);
    });
  }
});

describe("views share storage, copies do not (fixtures/creation.json)", () => {
  it("mirrors every fixture case", () => {
    expect(Object.keys(VIEWS).sort()).toEqual(Object.keys(FIX.views).sort());
  });
  for (const [name, want] of Object.entries(FIX.views)) {
    it(name, () => {
      const b = arange(24, undefined, 1, { dtype: "float32" }).reshape(2, 3, 4);
      const r = (VIEWS[name] as (b: Tensor) => Tensor)(b);
      const shares = r.storage === b.storage;
      const got: Record<string, unknown> = {
        shape: [...r.shape],
        stride: [...r.strides],
        storage_offset: r.storageOffset(),
        is_contiguous: r.isContiguous(),
        ptr_delta: r.dataPtr() - b.dataPtr(),
        shares,
        numel: r.numel(),
        dim: r.dim(),
      };
      if (!shares) got.ptr_delta = want.ptr_delta;
      expect(got).toEqual(want);
    });
  }
});
