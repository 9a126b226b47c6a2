// The WebGPU backend in Node through Dawn (a software Vulkan adapter where there is no GPU):
// ops, views, autograd and errors on "cuda" tensors agree with the CPU engine, which the
// differential suite checks against PyTorch. Every test asserts the adapter it ran on and that
// kernels were dispatched. Under CI=true a missing adapter fails the run; locally it skips loudly.

import type { Tensor } from "torchlit";
import * as torch from "torchlit";
import { allclose } from "torchlit/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { agree, dispatches, expectSame, startGpu } from "./gpu-support.ts";

// A software adapter compiles each new pipeline on the CPU (the blocked matmul takes seconds on a
// loaded machine), so a test that meets one for the first time gets more than vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("WebGPU tests");
const gpu = describe.skipIf(!status.available);

/** Compares a CPU result with its GPU counterpart (argument order of the older helper). */
const same = (cpuValue: Tensor, gpuValue: Tensor): Promise<void> => expectSame(gpuValue, cpuValue);

beforeAll(() => {
  torch.manual_seed(0);
});
afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

gpu("WebGPU backend", () => {
  it("runs on the adapter it names", () => {
    expect(status.backend?.name.length).toBeGreaterThan(0);
    console.info(`WebGPU adapter: ${status.backend?.name}`);
  });

  it("computes the issue's first example: (ones * 3).sum() on cuda", async () => {
    const x = torch.ones([2, 2], { device: "cuda" });
    const y = x.mul(3).sum();
    expect(y.device).toBe("cuda:0");
    expect(Array.from(await y.data())).toEqual([12]);
    expect(await y.reprAsync()).toBe("tensor(12., device='cuda:0')");
  });

  const a = () => torch.randn([3, 4]);
  const b = () => torch.randn([4]);

  it("agrees with the CPU on broadcasting elementwise ops", async () => {
    for (const op of ["add", "sub", "mul", "div", "maximum", "minimum", "atan2"] as const) {
      await agree([a(), b()], (x, y) => (x as Tensor)[op](y as Tensor));
    }
    await agree([a(), b()], (x, y) => (x as Tensor).gt(y as Tensor));
    await agree([a()], (x) =>
      (x as Tensor).exp().log1p().tanh().sigmoid().relu().neg().abs().sqrt(),
    );
    await agree([a()], (x) => (x as Tensor).clamp(-0.5, 0.5).pow(2).mul(3).add(1));
  });

  it("agrees on integer and bool arithmetic", async () => {
    const i = torch.tensor([
      [-7, 5, 3],
      [8, -2, 0],
    ]);
    const j = torch.tensor([3, -2, 4]);
    await agree([i, j], (x, y) => (x as Tensor).floor_divide(y as Tensor));
    await agree([i, j], (x, y) => (x as Tensor).remainder(y as Tensor));
    await agree([i, j], (x, y) => (x as Tensor).mul(y as Tensor).add(1));
    await agree([i], (x) => (x as Tensor).gt(0).logical_and((x as Tensor).lt(6)));
    await agree([i, j], (x, y) => (x as Tensor).bitwise_and(y as Tensor).bitwise_xor(5));
    await agree([i, j], (x, y) => (x as Tensor).bitwise_or(y as Tensor).bitwise_not());
    await agree([i], (x) => (x as Tensor).gt(0).bitwise_not());
  });

  it("agrees on reductions along dims, with indices", async () => {
    const x = torch.randn([5, 6, 7]);
    await agree([x], (t) => (t as Tensor).sum());
    await agree([x], (t) => (t as Tensor).sum([0, 2], true));
    await agree([x], (t) => (t as Tensor).mean(1));
    await agree([x], (t) => (t as Tensor).amax(2));
    await agree([x], (t) => (t as Tensor).max(1).values);
    await agree([x], (t) => (t as Tensor).max(1).indices);
    await agree([x], (t) => (t as Tensor).argmin(0));
    await agree([x], (t) => (t as Tensor).var(1));
    await agree([x], (t) => (t as Tensor).std());
    await agree([x], (t) => (t as Tensor).cumsum(2));
    await agree([x], (t) => (t as Tensor).gt(0).all(1));
  });

  it("agrees on batched and broadcast matmul, including transposed operands", async () => {
    await agree([torch.randn([33, 17]), torch.randn([17, 40])], (p, q) =>
      (p as Tensor).mm(q as Tensor),
    );
    await agree([torch.randn([2, 3, 5]), torch.randn([5, 4])], (p, q) =>
      (p as Tensor).matmul(q as Tensor),
    );
    await agree([torch.randn([6, 5]), torch.randn([6, 7])], (p, q) =>
      (p as Tensor).t().mm(q as Tensor),
    );
  });

  it("agrees on long reductions (chunked into partials) and blocked matmul edges", async () => {
    const long = torch.randn([100003]);
    await agree([long], (t) => (t as Tensor).sum());
    await agree([long], (t) => (t as Tensor).amax());
    await agree([long], (t) => (t as Tensor).gt(0).any());
    await agree([torch.randn([3, 20000])], (t) => (t as Tensor).sum(1));
    await agree([torch.randn([70, 130]), torch.randn([130, 90])], (p, q) =>
      (p as Tensor).mm(q as Tensor),
    );
    await agree([torch.randn([5, 0]), torch.randn([0, 3])], (p, q) =>
      (p as Tensor).mm(q as Tensor),
    );
  });

  it("keeps views as views: transpose and slices share the GPU storage", async () => {
    const x = torch.arange(12, undefined, 1, { dtype: "float32" }).view(3, 4).to("cuda");
    const t = x.t();
    expect(t.storage).toBe(x.storage);
    await same(
      torch.arange(12, undefined, 1, { dtype: "float32" }).view(3, 4).t().contiguous(),
      t.contiguous(),
    );
    const row = x.select(0, 1);
    row.add_(100);
    expect(Array.from(await x.data())).toEqual([0, 1, 2, 3, 104, 105, 106, 107, 8, 9, 10, 11]);
  });

  it("agrees on gather, scatter_add, sort and where", async () => {
    const x = torch.randn([4, 5]);
    const idx = torch.tensor([
      [0, 4, 1],
      [2, 2, 3],
      [4, 0, 0],
      [1, 1, 1],
    ]);
    await agree([x], (t) => (t as Tensor).gather(1, idx.to((t as Tensor).deviceType)));
    await agree([x], (t) =>
      torch
        .zeros([4, 5], { device: (t as Tensor).deviceType })
        .scatter_add(1, idx.to((t as Tensor).deviceType), (t as Tensor).narrow(1, 0, 3)),
    );
    await agree([x], (t) => (t as Tensor).sort(1, true).values);
    await agree([x], (t) => torch.where((t as Tensor).gt(0), t as Tensor, (t as Tensor).mul(-2)));
  });

  it("runs autograd on the GPU: a training loop matches the CPU's", async () => {
    const run = async (device: "cpu" | "cuda") => {
      torch.manual_seed(1);
      const X = torch.randn([32, 3]).to(device);
      const w = torch.randn([3, 1]).to(device).requiresGrad_();
      const bias = torch.zeros([1], { device, requiresGrad: true });
      const y = X.matmul(torch.tensor([[2.0], [-1.0], [0.5]]).to(device)).add(0.3);
      const opt = new torch.SGD([w, bias], { lr: 0.1, momentum: 0.9 });
      for (let step = 0; step < 20; step++) {
        opt.zero_grad();
        const loss = torch.F.mse_loss(X.matmul(w).add(bias), y);
        loss.backward();
        opt.step();
      }
      return [Array.from(await w.data()), Array.from(await bias.data())];
    };
    const before = dispatches();
    const onGpu = await run("cuda");
    expect(dispatches()).toBeGreaterThan(before);
    const onCpu = await run("cpu");
    expect(allclose(onGpu.flat(), onCpu.flat(), { rtol: 1e-4, atol: 1e-5 })).toBeNull();
  });

  it("refuses float64 with the MPS-style error naming float32", () => {
    expect(() => torch.ones([2], { device: "cuda", dtype: "float64" })).toThrow(
      "Cannot convert a WebGPU (cuda) Tensor to float64 dtype as WebGPU doesn't support float64. Please use float32 instead.",
    );
  });

  it("range-checks int64 values on upload", () => {
    expect(() => torch.tensor([2 ** 40]).to("cuda")).toThrow(/int64 as int32/);
  });

  it("raises an out-of-range gather index, found on the GPU, at the next read", async () => {
    const x = torch.ones([2, 3], { device: "cuda" });
    const bad = x.gather(
      1,
      torch
        .tensor([
          [0, 7, 1],
          [0, 0, 0],
        ])
        .to("cuda"),
    );
    await expect(bad.data()).rejects.toThrow(
      "index 7 is out of bounds for dimension 1 with size 3",
    );
    // The flag is cleared: the next read works.
    expect(Array.from(await x.sum().data())).toEqual([6]);
  });

  it("refuses to mix devices in one op with PyTorch's message, naming the GPU first", () => {
    const mixed =
      "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!";
    const g = torch.ones([2], { device: "cuda" });
    const c = torch.ones([2]);
    expect(() => g.add(c)).toThrow(mixed);
    // TensorIterator's common device is the first non-CPU one, whatever the operand order.
    expect(() => c.mul(g)).toThrow(mixed);
    expect(() => torch.where(c.gt(0), c, g)).toThrow(mixed);
    // A 0-dim CPU tensor may join a GPU op, as in PyTorch.
    expect(g.mul(torch.tensor(2)).device).toBe("cuda:0");
  });

  it("carries gradients from the GPU back to a CPU leaf, awaiting the copy", async () => {
    const before = dispatches();
    const w = torch.tensor([1, -2, 3], { dtype: "float64" }).requiresGrad_();
    const x = torch
      .tensor([
        [1, 2, 3],
        [4, 5, 6],
      ])
      .float();
    const loss = x.to("cuda").matmul(w.to("float32").to("cuda")).pow(2).sum();
    // The synchronous pass refuses before doing anything, naming the way out.
    expect(() => torch.runBackward([loss], [torch.ones([], { device: "cuda" })])).toThrow(
      torch.BackwardNeedsAwait,
    );
    expect(w.grad).toBeNull();
    expect(torch.isGradEnabled()).toBe(true);
    await torch.runBackwardAsync([loss], [torch.ones([], { device: "cuda" })]);
    expect(torch.isGradEnabled()).toBe(true);
    const cpuW = torch.tensor([1, -2, 3], { dtype: "float64" }).requiresGrad_();
    x.matmul(cpuW.to("float32")).pow(2).sum().backward();
    expect(w.grad?.device).toBe("cpu");
    expect(w.grad?.dtype).toBe("float64");
    expect(Array.from(w.grad?.dataSync() ?? [])).toEqual(Array.from(cpuW.grad?.dataSync() ?? []));
    expect(dispatches()).toBeGreaterThan(before);
  });

  it("returns freed buffers: live GPU bytes go back down after dispose", () => {
    const runner = gpuStatus.backend?.runner;
    const before = runner?.liveBytes ?? 0;
    const x = torch.zeros([1000], { device: "cuda" });
    expect(runner?.liveBytes).toBeGreaterThanOrEqual(before + 4000);
    x.dispose();
    expect(runner?.liveBytes).toBe(before);
  });

  it("reuses pooled buffers: 1000 ops in a loop keep GPU memory bounded", async () => {
    const backend = gpuStatus.backend;
    if (!backend) throw new Error("no backend");
    const runner = backend.runner;
    const x = torch.ones([1000], { device: "cuda" });
    await runner.flush();
    const live = runner.liveBytes;
    const created = runner.buffersCreated;
    const constants = backend.constants.size;
    const pooled = runner.pooledBuffers;
    const before = dispatches();
    for (let i = 0; i < 1000; i++) {
      const y = x.add(1);
      const z = y.mul(0.5);
      y.dispose();
      z.dispose();
    }
    // Two kernels per iteration and no fill per scalar operand (constants are cached).
    expect(dispatches() - before).toBe(2000);
    expect(runner.liveBytes).toBe(live);
    // Buffers are recycled within the open encoder and across submits: a few metadata and
    // output buffers per flush, not one per op.
    expect(runner.buffersCreated - created).toBeLessThan(2 * runner.flushThreshold + 8);
    expect(runner.pooledBuffers - pooled).toBeLessThan(2 * runner.flushThreshold + 16);
    expect(backend.constants.size - constants).toBeLessThanOrEqual(2);
    expect(Array.from(await x.add(1).mul(0.5).data()).slice(0, 2)).toEqual([1, 1]);
    x.dispose();
  });

  it("accounts memory like torch.cuda: memoryAllocated, memoryReserved and emptyCache", async () => {
    const backend = gpuStatus.backend;
    if (!backend) throw new Error("no backend");
    // Read synchronously around each step: the GC may free unreferenced tensors at any await.
    const before = backend.memoryAllocated();
    const x = torch.zeros([4096], { device: "cuda" });
    expect(backend.memoryAllocated()).toBe(before + 4096 * 4);
    const held = backend.memoryAllocated();
    x.dispose();
    expect(backend.memoryAllocated()).toBe(held - 4096 * 4);
    await backend.runner.flush();
    expect(backend.memoryReserved()).toBeGreaterThanOrEqual(4096 * 4);
    backend.emptyCache();
    expect(backend.runner.pooledBytes).toBe(0);
    expect(backend.constants.size).toBe(0);
    // Still usable afterwards.
    expect(Array.from(await torch.ones([3], { device: "cuda" }).mul(2).data())).toEqual([2, 2, 2]);
  });

  it("raises ZeroDivisionError for an integer division by zero found on the GPU", async () => {
    const a = torch.tensor([4, 5]).to("cuda");
    const q = a.floor_divide(torch.tensor([2, 0]).to("cuda"));
    await expect(q.data()).rejects.toThrow("ZeroDivisionError");
    expect(Array.from(await a.data())).toEqual([4, 5]);
  });

  it("masked_fill takes a 0-dim GPU tensor value without a synchronous read", async () => {
    const x = torch.zeros([3], { device: "cuda" });
    const m = torch.tensor([true, false, true]).to("cuda");
    const v = torch.tensor(7.5).to("cuda");
    expect(Array.from(await x.masked_fill(m, v).data())).toEqual([7.5, 0, 7.5]);
  });

  it("cannot read synchronously, and says how to read", () => {
    expect(() => torch.ones([1], { device: "cuda" }).item()).toThrow(/await t.data\(\)/);
  });
});
