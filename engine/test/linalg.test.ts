// torch.linalg (inverse, det, norms), broadcast_shapes / broadcast_tensors, is_set_to and the
// dtype helpers through the public API, beyond what the fixture replay (linalg.json) records:
// layouts, identities, error types and the properties the course's lessons lean on.
import {
  broadcast_shapes,
  broadcast_tensors,
  canCast,
  eye,
  linalg,
  manual_seed,
  promoteTypes,
  randn,
  TorchError,
  tensor,
  zeros,
} from "torchlit";
import { allclose } from "torchlit/testing";
import { describe, expect, it } from "vitest";

const f32 = { dtype: "float32" } as const;

function thrown(fn: () => unknown): TorchError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TorchError);
    return e as TorchError;
  }
  throw new Error("expected an error");
}

describe("inverse()", () => {
  it("undoes matmul, batch by batch", () => {
    manual_seed(0);
    const A = randn([4, 3, 3]).add(eye(3).mul(3));
    const I = A.matmul(A.inverse());
    const want = eye(3).expand([4, 3, 3]).contiguous();
    expect(allclose(I.contiguous().dataSync(), want.dataSync(), { atol: 1e-5 })).toBeNull();
  });
  it("returns column-major matrices, as LAPACK leaves them", () => {
    const inv = randn([2, 3, 3]).add(eye(3).mul(3)).inverse();
    expect([...inv.strides]).toEqual([9, 1, 3]);
    expect(inv.isContiguous()).toBe(false);
  });
  it("raises torch.linalg.LinAlgError (a RuntimeError in Python) for a singular matrix", () => {
    const e = thrown(() => zeros([2, 2]).inverse());
    expect(e.pyType).toBe("LinAlgError");
    expect(e.message).toBe(
      "linalg.inv: The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.",
    );
  });
  it("lets inv_ex report singular matrices without raising", () => {
    const A = tensor(
      [
        [
          [2, 0],
          [0, 2],
        ],
        [
          [1, 2],
          [2, 4],
        ],
      ],
      f32,
    );
    const { inverse, info } = linalg.inv_ex(A);
    expect(Array.from(info.dataSync())).toEqual([0, 2]);
    expect(info.dtype).toBe("int32");
    expect(Array.from(inverse.index([0]).contiguous().dataSync())).toEqual([0.5, 0, 0, 0.5]);
  });
  it("saves its output: modifying it in place breaks backward as in PyTorch", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { ...f32, requiresGrad: true },
    );
    const y = x.inverse();
    y.mul_(2);
    expect(() => y.sum().backward()).toThrow(/output 0 of LinalgInvExBackward0/);
  });
});

describe("det()", () => {
  it("is the signed product of U's diagonal, -0 for a singular matrix with a row swap", () => {
    expect(
      tensor(
        [
          [1, 2],
          [3, 4],
        ],
        f32,
      )
        .det()
        .item(),
    ).toBe(-2);
    expect(
      Object.is(
        tensor(
          [
            [1, 2],
            [2, 4],
          ],
          f32,
        )
          .det()
          .item(),
        -0,
      ),
    ).toBe(true);
    expect(zeros([0, 0]).det().item()).toBe(1);
  });
  it("has the cofactor matrix as gradient, and a zero one at a singular matrix", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { ...f32, requiresGrad: true },
    );
    x.det().backward();
    expect(Array.from(x.grad?.dataSync() ?? [])).toEqual([4, -3, -2, 1]);
    const s = tensor(
      [
        [1, 2],
        [2, 4],
      ],
      { ...f32, requiresGrad: true },
    );
    s.det().backward();
    expect(Array.from(s.grad?.dataSync() ?? []).map(Math.abs)).toEqual([0, 0, 0, 0]);
  });
});

describe("torch.linalg norms", () => {
  it("norm is the Frobenius norm by default and a vector norm over one dim", () => {
    const A = tensor(
      [
        [3, 4],
        [0, 0],
      ],
      f32,
    );
    expect(linalg.norm(A).item()).toBe(5);
    expect(Array.from(linalg.norm(A, null, 1).dataSync())).toEqual([5, 0]);
    expect(linalg.norm(A).gradFn).toBeNull();
  });
  it("takes |x| itself over dims of size 1, as PyTorch does (no overflow in x*x)", () => {
    expect(linalg.vector_norm(tensor([[1e30]], f32), 2, 1).item()).toBeCloseTo(1e30, -24);
  });
  it("refuses the orders that need singular values, saying so", () => {
    const e = thrown(() => linalg.matrix_norm(eye(2), 2));
    expect(e.pyType).toBe("NotImplementedError");
  });
});

describe("broadcast_shapes(*shapes) and broadcast_tensors(*tensors)", () => {
  it("broadcast_shapes follows PyTorch's rules and words", () => {
    expect(broadcast_shapes([3, 1], [2])).toEqual([3, 2]);
    expect(broadcast_shapes(3, [2, 1])).toEqual([2, 3]);
    expect(broadcast_shapes()).toEqual([]);
    expect(() => broadcast_shapes([3], [2])).toThrow(
      "Shape mismatch: objects cannot be broadcast to a single shape",
    );
    expect(() => broadcast_shapes([-1], [2])).toThrow(
      "Trying to create tensor with negative dimension (-1): (-1)",
    );
  });
  it("broadcast_tensors returns views sharing storage, and a full-shaped tensor itself", () => {
    const x = tensor([1, 2, 3], f32);
    const col = zeros([2, 1]);
    const [a, b] = broadcast_tensors(x, col) as [typeof x, typeof x];
    expect(a.storage).toBe(x.storage);
    expect([...a.strides]).toEqual([0, 1]);
    expect([...b.strides]).toEqual([1, 0]);
    const full = zeros([2, 3]);
    expect(broadcast_tensors(full, x)[0]).toBe(full);
    expect(() => broadcast_tensors(zeros([3]), zeros([2]))).toThrow(
      "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
    );
  });
});

describe("is_set_to and the dtype helpers", () => {
  it("is_set_to compares storage, offset, sizes and strides", () => {
    const x = zeros([6]);
    expect(x.is_set_to(x.view(6))).toBe(true);
    expect(x.is_set_to(x.view(2, 3))).toBe(false);
    expect(x.is_set_to(x.index([{ start: 1, stop: null }]))).toBe(false);
    expect(x.is_set_to(zeros([6]))).toBe(false);
  });
  it("promote_types and can_cast follow the category order bool < int < float", () => {
    expect(promoteTypes("int32", "float32")).toBe("float32");
    expect(promoteTypes("bool", "int64")).toBe("int64");
    expect(canCast("float32", "int32")).toBe(false);
    expect(canCast("int64", "float64")).toBe(true);
    expect(canCast("int64", "bool")).toBe(false);
  });
});
