// What the WebGPU test files in Node share: starting Dawn (under CI=true a missing adapter fails
// the file; locally it is skipped with a loud message), the kernel counter every GPU test
// checks, and comparisons of GPU results with the CPU engine's.

import type { Tensor } from "torchlit";
import { allclose } from "torchlit/testing";
import { expect } from "vitest";
import { type GpuStatus, gpuStatus, initWebGPU } from "../src/backend/webgpu/index.ts";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";

/** Starts WebGPU through Dawn; `what` names the tests skipped without an adapter. */
export async function startGpu(what: string): Promise<GpuStatus> {
  const status = await initWebGPU({ gpu: (await nodeGpu()) ?? undefined });
  if (!status.available) {
    const msg = `WebGPU adapter unavailable: ${status.reason}`;
    if (process.env.CI === "true") throw new Error(`${msg} (CI requires one)`);
    console.warn(`\n*** SKIPPING ${what}: ${msg} ***\n`);
  }
  return status;
}

/** Kernels dispatched so far on the current backend. */
export const dispatches = (): number => gpuStatus.backend?.runner.dispatches ?? 0;

/** A GPU result equals the CPU's: device, dtype, shape, NaN where NaN, values within tolerance. */
export async function expectSame(
  onGpu: Tensor,
  onCpu: Tensor,
  close = { rtol: 1e-5, atol: 1e-5 },
): Promise<void> {
  expect(onGpu.device).toBe("cuda:0");
  expect(onGpu.dtype).toBe(onCpu.dtype);
  expect([...onGpu.shape]).toEqual([...onCpu.shape]);
  const want = Array.from(onCpu.dataSync());
  const got = Array.from(await onGpu.data());
  expect(got.map(Number.isNaN)).toEqual(want.map(Number.isNaN));
  const finite = (v: number[]) => v.map((x) => (Number.isNaN(x) ? 0 : x));
  expect(allclose(finite(got), finite(want), close)).toBeNull();
}

/** Runs f on CPU inputs and on copies moved to the GPU; the results must agree and kernels run. */
export async function agree(
  inputs: Tensor[],
  f: (...xs: Tensor[]) => Tensor,
  close?: { rtol: number; atol: number },
): Promise<void> {
  const before = dispatches();
  const onGpu = f(...inputs.map((x) => x.to("cuda")));
  await expectSame(onGpu, f(...inputs), close);
  expect(dispatches()).toBeGreaterThan(before);
}

/** The error a promise rejects with (failing the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}
