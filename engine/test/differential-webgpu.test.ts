// The differential suite on WebGPU: the same fixtures/ops.json programs as differential.test.ts,
// with every input and factory result created on "cuda" and results read with `await data()`.
// Floats compare within float32 tolerance, everything else exactly. Cases that cannot apply to
// a GPU by design are mapped below, each with its reason and what is asserted instead; none is
// skipped silently. Under CI=true a missing adapter fails the run.

import { afterAll, describe, expect, it, vi } from "vitest";
import { gpuStatus, initWebGPU } from "../src/backend/webgpu/index.ts";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { type Case, loadCases, runCase, type Target } from "./differential-harness.ts";

// A software adapter compiles each new pipeline on the CPU (the blocked matmul takes seconds on a
// loaded machine), so a test that meets one for the first time gets more than vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

const status = await initWebGPU({ gpu: (await nodeGpu()) ?? undefined });
if (!status.available) {
  const msg = `WebGPU adapter unavailable: ${status.reason}`;
  if (process.env.CI === "true") throw new Error(`${msg} (CI requires one)`);
  console.warn(`\n*** SKIPPING the WebGPU differential suite: ${msg} ***\n`);
}

const FLOAT64_REFUSAL =
  "Cannot convert a WebGPU (cuda) Tensor to float64 dtype as WebGPU doesn't support float64. Please use float32 instead.";
const INT32_MAX = 2147483647;

/**
 * Cases whose op validates its inputs with a synchronous read inside the ops layer; on the GPU
 * that read is refused ("synchronous read ... not possible") until the Python layer reads
 * through JSPI. Each is named here with the op that reads.
 */
const SYNC_READ: Record<string, string> = {
  "masked_fill with an int64 mask raises": "masked_fill checks an integer mask holds only 0/1",
};

type Mapping =
  | { kind: "float64"; reason: string }
  | { kind: "int32-range"; reason: string }
  | { kind: "sync-read"; reason: string };

/** Why a case cannot run on WebGPU as on the CPU, or null when it must match PyTorch exactly. */
function gpuMapping(c: Case): Mapping | null {
  const text = JSON.stringify(c);
  if (text.includes('"float64"') || text.includes('"double"'))
    return { kind: "float64", reason: "float64, which WGSL lacks: the GPU refuses it" };
  const big = (v: unknown): boolean =>
    typeof v === "number" && Number.isInteger(v) && Math.abs(v) > INT32_MAX;
  const walk = (v: unknown): boolean =>
    big(v) ||
    (Array.isArray(v)
      ? v.some(walk)
      : v !== null && typeof v === "object" && Object.values(v).some(walk));
  if (walk(c))
    return { kind: "int32-range", reason: "integers beyond int32: WebGPU keeps int64 as i32" };
  const sync = SYNC_READ[c.name];
  if (sync !== undefined) return { kind: "sync-read", reason: `synchronous read: ${sync}` };
  return null;
}

const gpuTarget: Target = {
  device: "cuda",
  read: (t) => t.data(),
  settle: () => gpuStatus.backend?.synchronize() ?? Promise.resolve(),
  close: { rtol: 1e-5, atol: 1e-5 },
};

/** What a mapped case must do instead of matching PyTorch. */
async function runMapped(c: Case, m: Mapping): Promise<void> {
  if (m.kind === "float64") {
    // The float64 refusal, exactly; or, where PyTorch raises its own error for the case before
    // any float64 tensor exists, that error.
    const refused: Case = {
      ...c,
      expect: { error: { type: "TypeError", message: FLOAT64_REFUSAL } },
    };
    const failed = await runCase(refused, gpuTarget).then(
      () => null,
      (e: unknown) => e as Error,
    );
    if (failed !== null) {
      if (!("error" in c.expect)) throw failed;
      await runCase(c, gpuTarget);
    }
    return;
  }
  const error = await runCase(c, gpuTarget).then(
    () => null,
    (e: unknown) => e as Error,
  );
  // Drain any error a kernel flagged, so it cannot leak into the next case.
  await gpuStatus.backend?.synchronize().catch(() => undefined);
  if (m.kind === "int32-range") {
    // Either the upload range check refuses the value, or the result differs where int64
    // wraps at 64 bits and the GPU's i32 at 32; where both agree (int32 cases) it passes.
    if (error !== null) expect(error.message).toMatch(/WebGPU holds int64 as int32|values/);
  } else {
    expect(error?.message).toMatch(/synchronous read/);
  }
}

afterAll(async () => {
  await gpuStatus.backend?.runner.flush();
  gpuStatus.backend?.destroy();
});

describe.skipIf(!status.available)(
  "the WebGPU backend against PyTorch 1.13 (fixtures/ops.json)",
  () => {
    const cases = loadCases();
    if (cases === null) {
      it("has its fixture file", () => {
        throw new Error("engine/fixtures/ops.json is missing");
      });
      return;
    }
    it("runs on a named adapter", () => {
      expect(gpuStatus.backend?.name.length).toBeGreaterThan(0);
      console.info(`WebGPU adapter: ${gpuStatus.backend?.name}`);
    });
    for (const c of cases) {
      const mapped = gpuMapping(c);
      const title = mapped ? `${c.name} [mapped, ${mapped.reason}]` : c.name;
      it(title, async () => {
        const runner = gpuStatus.backend?.runner;
        expect(gpuStatus.backend?.name).toBe(status.backend?.name);
        const before = runner?.dispatches ?? 0;
        if (mapped !== null) {
          await runMapped(c, mapped);
          return;
        }
        const { elementsRead } = await runCase(c, gpuTarget).finally(() =>
          gpuStatus.backend?.synchronize().catch(() => undefined),
        );
        if (elementsRead > 0) expect(runner?.dispatches ?? 0).toBeGreaterThan(before);
      });
    }
  },
);
