// Ops that need values on the host (core/host-reads.ts) on WebGPU tensors: a plain call stops
// at its first read with HostReadNeeded; resolveReads awaits each read and replays the op to the
// CPU's result; reads are refused plainly where a replay could repeat effects (backward,
// optimizer steps); prod's backward needs no read on a device. Every GPU test asserts the adapter
// and that kernels ran; under CI=true a missing adapter fails the run.

import type { Tensor } from "torchlit";
import * as torch from "torchlit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus } from "../src/backend/webgpu/index.ts";
import { dispatches, expectSame, rejection, startGpu } from "./gpu-support.ts";

vi.setConfig({ testTimeout: 60_000 });

const status = await startGpu("host-read tests on WebGPU");
const gpu = describe.skipIf(!status.available);

afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

describe("host reads on the CPU", () => {
  it("never replay: resolveReads just runs the op", async () => {
    const x = torch.tensor([0, 2, 0, 3]);
    const r = await torch.resolveReads(() => x.nonzero());
    expect(r.tolist()).toEqual([[1], [3]]);
  });
});

gpu("host reads on WebGPU", () => {
  const cpuX = torch.tensor([
    [0.5, -1, 2],
    [0, 3, -4],
  ]);

  it(`runs on ${status.backend?.name ?? "no adapter"}`, () => {
    expect(status.backend?.name.length).toBeGreaterThan(0);
  });

  it("a plain call stops at its first read and names the tensor to read", () => {
    const x = cpuX.to("cuda");
    let caught: unknown = null;
    try {
      x.nonzero();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(torch.HostReadNeeded);
    expect((caught as Error).message).toMatch(
      /^synchronous read of a cuda:0 tensor is not possible; use `await t.data\(\)`, or run the op in `await resolveReads/,
    );
    expect(torch.readNeededBy(caught)?.device).toBe("cuda:0");
    expect(torch.readNeededBy(new Error("other"))).toBeNull();
    // No own property holds the tensor: a serialiser walking the error must not reach it.
    expect(Object.getOwnPropertyNames(caught)).not.toContain("tensor");
  });

  it("resolveReads gives the CPU's answers for data-dependent ops", async () => {
    const x = cpuX.to("cuda");
    const before = dispatches();
    await expectSame(await torch.resolveReads(() => x.nonzero()), cpuX.nonzero());
    await expectSame(
      await torch.resolveReads(() => x.masked_select(x.gt(0))),
      cpuX.masked_select(cpuX.gt(0)),
    );
    const idx = torch.tensor([2, 0]);
    await expectSame(
      await torch.resolveReads(() => x.index_select(1, idx.to("cuda"))),
      cpuX.index_select(1, idx),
    );
    // An in-place write through a bool mask: the read (which elements) comes before the write.
    const y = x.clone();
    await torch.resolveReads(() => y.masked_fill_(y.lt(0), 0));
    const cy = cpuX.clone().masked_fill_(cpuX.lt(0), 0);
    await expectSame(y, cy);
    expect(dispatches()).toBeGreaterThan(before);
  });

  it("errors that depend on values come out with PyTorch's text", async () => {
    const x = cpuX.to("cuda");
    const err = await rejection(
      torch.resolveReads(() => x.index_select(1, torch.tensor([3], { device: "cuda" }))),
    );
    expect(err.message).toBe(cpuErrorOf(() => cpuX.index_select(1, torch.tensor([3]))));
    const p = torch.tensor([0.4, 1.8, 1.0], { device: "cuda" });
    const t = torch.tensor([0, 1, 1], { device: "cuda" }).float();
    const bce = await rejection(torch.resolveReads(() => torch.F.binary_cross_entropy(p, t)));
    expect(bce.message).toBe("all elements of input should be between 0 and 1");
    const mask = torch.tensor([1, 2], { device: "cuda" });
    const mf = await rejection(
      torch.resolveReads(() => torch.ones([2], { device: "cuda" }).masked_fill(mask, 0)),
    );
    expect(mf.message).toBe("Mask tensor can take 0 and 1 values only");
  });

  it("prod's backward needs no read on a device, zeros included", async () => {
    for (const values of [
      [
        [2, 0, 3],
        [1, 4, 0],
      ],
      [
        [2, 5, 3],
        [1, 4, 7],
      ],
      [
        [0, 0, 3],
        [1, 4, 2],
      ],
    ]) {
      for (const dim of [null, 0, 1] as const) {
        const c = torch.tensor(values).float().requiresGrad_();
        const g = torch.tensor(values, { device: "cuda" }).float().requiresGrad_();
        (dim === null ? c.prod() : c.prod(dim).sum()).backward();
        (dim === null ? g.prod() : g.prod(dim).sum()).backward();
        await expectSame(g.grad as Tensor, c.grad as Tensor);
      }
    }
  });

  it("refuses to replay inside backward: a read there raises plainly", () => {
    const w = torch.tensor([1, 2], { device: "cuda" }).float().requiresGrad_();
    w.register_hook((g) => {
      g.dataSync();
      return null;
    });
    let caught: unknown = null;
    try {
      w.mul(3).sum().backward();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(torch.TorchError);
    expect(torch.readNeededBy(caught)).toBeNull();
    expect((caught as Error).message).toMatch(/not possible here \(inside backward/);
  });
});

function cpuErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the CPU op to raise");
}
