// The WebGPU kernels' layouts: which variant a call gets (vec4, flat or strided elementwise;
// single-pass or sliced reductions) and that every variant agrees with the CPU engine on the
// edges that pick it: offsets off a multiple of 4, broadcast scalars, in-place operands, NaN,
// integer division by zero, empty and long reductions. Runs on Dawn in Node like webgpu.test.ts.

import type { Tensor } from "torchlit";
import * as torch from "torchlit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { type MapSpec, opExpr, planMap } from "../src/backend/webgpu/kernels-map.ts";
import { REDUCE_PER_THREAD, reduceStep } from "../src/backend/webgpu/kernels-reduce.ts";
import { agree, startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("WebGPU kernel tests");
const gpu = describe.skipIf(!status.available);

/** As gpu-support's agree, within the tolerance these kernels' edge cases need. */
const agreeClose = (inputs: Tensor[], f: (...xs: Tensor[]) => Tensor): Promise<void> =>
  agree(inputs, f, { rtol: 1e-5, atol: 1e-4 });

beforeAll(() => {
  torch.manual_seed(0);
});
afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

describe("planMap (which elementwise kernel a call gets)", () => {
  const spec: MapSpec = {
    ...opExpr("binary", "add", "f32"),
    inputs: ["f32", "f32"],
    output: "f32",
    outputIsBool: false,
    names: ["a", "b"],
  };
  const plan = (shape: number[], dst: number[], a: number[], b: number[], offsets = [0, 0, 0]) =>
    planMap(
      spec,
      shape,
      { offset: offsets[0] as number, strides: dst },
      [
        { offset: offsets[1] as number, strides: a },
        { offset: offsets[2] as number, strides: b },
      ],
      [false, false],
      [],
    );

  it("reads contiguous operands as vec4s, four elements a thread", () => {
    const p = plan([8, 16], [16, 1], [16, 1], [16, 1]);
    expect(p.source).toContain("array<vec4<f32>>");
    expect(p.words[0]).toBe(32);
  });

  it("indexes by the thread alone when every offset is 0, else adds the offsets", () => {
    expect(plan([8], [1], [1], [1]).source).toContain("let o0 = i;");
    expect(plan([8], [1], [1], [1], [0, 4, 0]).source).toContain("let o0 = M[1][0] + i;");
  });

  it("keeps a broadcast scalar scalar inside a vec4 kernel", () => {
    const p = plan([8, 16], [16, 1], [16, 1], [0, 0], [0, 0, 5]);
    expect(p.source).toContain("var<storage, read> I1: array<f32>;");
    expect(p.words.slice(3)).toEqual([0, 0, 5]);
  });

  it("runs flat, one element a thread, when an offset or the size is off a multiple of 4", () => {
    expect(plan([10], [1], [1], [1]).source).not.toContain("array<vec4<f32>>");
    expect(plan([16], [1], [1], [1], [0, 1, 0]).source).not.toContain("array<vec4<f32>>");
  });

  it("runs strided (index arithmetic from the metadata) for transposed or broadcast rows", () => {
    const p = plan([4, 8], [8, 1], [1, 4], [0, 1]);
    expect(p.source).toContain("rem % size");
    expect(p.words.slice(4 + 2)).toEqual([4, 8, 8, 1, 1, 4, 0, 1]);
  });
});

describe("reduceStep (how a reduction is split)", () => {
  const view = (shape: number[], strides: number[], offset = 0) => ({ shape, strides, offset });

  it("folds a short row in one pass, one thread an output", () => {
    const s = reduceStep("sum", "f32", "f32", false, view([100, 10], [10, 1]), 1, 0);
    expect(s.slices).toBe(1);
    expect(s.words[0]).toBe(100);
  });

  it("splits a long reduction into slices whose partials the next pass reduces", () => {
    const n = 1 << 20;
    const s = reduceStep("sum", "f32", "f32", false, view([n], [1]), 0, 0);
    expect(s.slices).toBe(n / REDUCE_PER_THREAD);
    expect(s.source).toContain("array<vec4<f32>>");
    const next = reduceStep("sum", "f32", "f32", false, view([s.slices], [1]), 0, 0);
    expect(next.slices).toBe(1);
  });

  it("indexes a whole tensor from offset 0 by element alone", () => {
    const whole = reduceStep("sum", "f32", "f32", false, view([4096], [1]), 0, 0);
    expect(whole.source).toContain("let x = X[j];");
    const shifted = reduceStep("sum", "f32", "f32", false, view([4096], [1], 4), 0, 0);
    expect(shifted.source).toContain("let x = X[base + j];");
  });

  it("reads scalars when the reduced run is strided or starts off a multiple of 4", () => {
    const col = reduceStep("sum", "f32", "f32", false, view([64, 64], [1, 64]), 1, 0);
    expect(col.source).not.toContain("vec4");
    const off = reduceStep("max", "f32", "f32", false, view([64], [1], 1), 0, 0);
    expect(off.source).not.toContain("vec4");
  });
});

gpu("elementwise kernels agree with the CPU in every layout", () => {
  const x = () => torch.randn([6, 8]);

  it("vec4: contiguous operands, and a broadcast scalar", async () => {
    await agreeClose([x(), x()], (a, b) => (a as Tensor).mul(b as Tensor).sub(a as Tensor));
    await agreeClose([x()], (a) => (a as Tensor).add(2.5).exp().sin());
    await agreeClose([x(), torch.tensor(3)], (a, s) => (a as Tensor).div(s as Tensor));
    await agreeClose([x(), x()], (a, b) => (a as Tensor).gt(b as Tensor));
    await agreeClose([x(), x(), x()], (c, a, b) =>
      torch.where((c as Tensor).gt(0), a as Tensor, b as Tensor),
    );
  });

  it("flat: sizes and offsets off a multiple of 4", async () => {
    await agreeClose([torch.randn([7]), torch.randn([7])], (a, b) =>
      (a as Tensor).add(b as Tensor),
    );
    await agreeClose([torch.randn([9]), torch.randn([9])], (a, b) =>
      (a as Tensor).narrow(0, 1, 8).mul((b as Tensor).narrow(0, 0, 8)),
    );
  });

  it("strided: transposed and row-broadcast operands", async () => {
    await agreeClose([x(), torch.randn([8, 6])], (a, b) => (a as Tensor).add((b as Tensor).t()));
    await agreeClose([x(), torch.randn([8])], (a, b) => (a as Tensor).sub(b as Tensor));
  });

  it("in place: an operand that is the output", async () => {
    await agreeClose([x(), x()], (a, b) => (a as Tensor).clone().add_(b as Tensor));
    await agreeClose([torch.randn([5]), torch.randn([5])], (a, b) =>
      (a as Tensor).clone().mul_(b as Tensor),
    );
  });

  it("keeps NaN and inf through vec4 kernels", async () => {
    const v = torch.tensor([Number.NaN, 1, Number.POSITIVE_INFINITY, -2, 0, -0, 3, Number.NaN]);
    await agreeClose([v], (a) => (a as Tensor).maximum((a as Tensor).flip(0)));
    await agreeClose([v], (a) => (a as Tensor).isnan());
    await agreeClose([v], (a) => (a as Tensor).mul(0));
  });

  it("integers: vec4 arithmetic, and division by zero found on the GPU", async () => {
    const i = torch.tensor([-7, 5, 3, 8, -2, 9, 4, 1]);
    const j = torch.tensor([3, -2, 4, 5, 7, -3, 2, 6]);
    await agreeClose([i, j], (a, b) => (a as Tensor).floor_divide(b as Tensor));
    await agreeClose([i, j], (a, b) => (a as Tensor).remainder(b as Tensor).mul(a as Tensor));
    const zero = torch.tensor([1, 2, 0, 4]).to("cuda");
    const q = torch.tensor([5, 6, 7, 8]).to("cuda").floor_divide(zero);
    await expect(q.data()).rejects.toThrow("ZeroDivisionError");
  });
});

gpu("reductions agree with the CPU in every layout", () => {
  it("long sums in several passes, vec4 and scalar", async () => {
    await agreeClose([torch.randn([1 << 18])], (a) => (a as Tensor).sum());
    await agreeClose([torch.randn([3 * REDUCE_PER_THREAD + 3])], (a) => (a as Tensor).sum());
    await agreeClose([torch.randn([4100])], (a) => (a as Tensor).narrow(0, 1, 4096).mean());
    await agreeClose([torch.randn([2, 50000])], (a) => (a as Tensor).sum(1));
    await agreeClose([torch.randn([3000, 8])], (a) => (a as Tensor).sum(0));
  });

  it("rows, columns and several dims at once", async () => {
    const x = torch.randn([6, 10, 12]);
    await agreeClose([x], (a) => (a as Tensor).sum(2));
    await agreeClose([x], (a) => (a as Tensor).sum(0));
    await agreeClose([x], (a) => (a as Tensor).amax([0, 2]));
    await agreeClose([x], (a) => (a as Tensor).transpose(1, 2).amin(1));
    await agreeClose([x], (a) => (a as Tensor).prod(1));
  });

  it("NaN wins max and min, in vec4 and scalar kernels", async () => {
    const v = Array.from({ length: 4096 }, (_, k) => Math.sin(k));
    v[2777] = Number.NaN;
    await agreeClose([torch.tensor(v)], (a) => (a as Tensor).amax());
    await agreeClose([torch.tensor(v)], (a) => (a as Tensor).narrow(0, 1, 4095).amin());
    await agreeClose(
      [
        torch.tensor([
          [1, Number.NaN, 3],
          [4, 5, 6],
        ]),
      ],
      (a) => (a as Tensor).amax(1),
    );
  });

  it("all and any on bools and floats, integer sums, and empty reductions", async () => {
    const b = torch.randn([4096]).gt(-3);
    await agreeClose([b], (a) => (a as Tensor).all());
    await agreeClose([b], (a) => (a as Tensor).logical_not().any());
    await agreeClose([torch.tensor([0.5, -0, 2, 3])], (a) => (a as Tensor).all());
    await agreeClose([torch.arange(0, 10000)], (a) => (a as Tensor).sum());
    await agreeClose([torch.randn([3, 0])], (a) => (a as Tensor).sum(1));
    await agreeClose([torch.randn([0])], (a) => (a as Tensor).sum());
  });

  it("arg-reductions: a thread per row for many or short rows, a workgroup for long ones", async () => {
    const ties = torch.tensor([
      [1, 3, 3, 0],
      [2, 2, 2, 2],
      [Number.NaN, 5, Number.NaN, 1],
    ]);
    await agreeClose([ties], (a) => (a as Tensor).argmax(1));
    await agreeClose([ties], (a) => (a as Tensor).argmin(1));
    await agreeClose([ties], (a) => (a as Tensor).max(1).values);
    await agreeClose([torch.randn([200, 10])], (a) => (a as Tensor).argmax(1));
    await agreeClose([torch.randn([200, 10])], (a) => (a as Tensor).min(0).indices);
    const long = Array.from({ length: 5000 }, (_, k) => Math.round(10 * Math.sin(k)));
    await agreeClose([torch.tensor(long)], (a) => (a as Tensor).argmax());
    await agreeClose([torch.tensor([long, long.map((v) => -v)])], (a) => (a as Tensor).argmin(1));
  });
});
