// The differential suite on WebGPU, shared by its two hosts: Node through Dawn
// (differential-webgpu.test.ts) and Chromium through Vitest's browser mode
// (differential-webgpu.browser.test.ts). Each host only brings up WebGPU its own way; the
// fixtures/ops.json and linalg.json programs, the mappings and the accounting live here once. Floats compare
// within float32 tolerance, everything else exactly. Cases that cannot apply to a GPU by design
// are mapped below, each with its reason and what is asserted instead; none is skipped silently.
// It must not import anything host-specific (node:*, Dawn, the DOM beyond WebGPU).

import * as torch from "torchlit";
import { afterAll, describe, expect, it } from "vitest";
import { type GpuStatus, gpuStatus } from "../src/backend/webgpu/index.ts";
import {
  type Case,
  LINALG_FIXTURE,
  loadCases,
  runCase,
  type Target,
} from "./differential-harness.ts";

/**
 * A software adapter compiles each new pipeline on the CPU (the blocked matmul takes seconds on
 * a loaded machine), so a test that meets one for the first time gets more than vitest's 5 s.
 * Hosts pass it to vi.setConfig().
 */
export const GPU_TEST_TIMEOUT_MS = 60_000;

const FLOAT64_REFUSAL =
  "Cannot convert a WebGPU (cuda) Tensor to float64 dtype as WebGPU doesn't support float64. Please use float32 instead.";
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_REFUSAL = /cannot be stored in a GPU int64 tensor: WebGPU holds int64 as int32/;

type Mapping = { kind: "float64" | "int64 input" | "int32 wrap" | "float to int"; reason: string };

/** Whether a fixture value, anywhere inside v, is an integer outside int32. */
const beyondInt32 = (v: unknown): boolean =>
  typeof v === "number"
    ? Number.isInteger(v) && (v > INT32_MAX || v < INT32_MIN)
    : Array.isArray(v)
      ? v.some(beyondInt32)
      : v !== null && typeof v === "object" && Object.values(v).some(beyondInt32);

/** Why a case cannot run on WebGPU as on the CPU, or null when it must match PyTorch exactly. */
export function gpuMapping(c: Case): Mapping | null {
  const text = JSON.stringify(c);
  if (text.includes('"float64"') || text.includes('"double"'))
    return { kind: "float64", reason: "float64, which WGSL lacks: the GPU refuses it" };
  if (beyondInt32(c.inputs) || beyondInt32(c.calls))
    return { kind: "int64 input", reason: "an int64 input beyond int32: the GPU refuses it" };
  if (!beyondInt32(c.expect)) return null;
  const floatToInt =
    c.calls.length === 1 && c.calls[0]?.method === "to" && Object.keys(c.inputs).length === 1;
  if (floatToInt)
    return {
      kind: "float to int",
      reason: "nan, inf or a float beyond the integer range converted (undefined in C)",
    };
  return {
    kind: "int32 wrap",
    reason: "an int64 result beyond int32: the GPU's i32 wraps it at 32 bits",
  };
}

/** The case with its int64 results beyond int32 wrapped to 32 bits, as the GPU's i32 computes them. */
function wrappedToInt32(c: Case): Case {
  const wrap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(wrap);
    if (v === null || typeof v !== "object") return v;
    const rec = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(rec)) out[k] = wrap(x);
    // The generator wrote them from PyTorch's exact int64s (JSON numbers past 2^53 are not).
    if (Array.isArray(rec.values_int32)) out.values = rec.values_int32;
    return out;
  };
  return { ...c, expect: wrap(c.expect) as Case["expect"] };
}

const gpuTarget: Target = {
  device: "cuda",
  read: (t) => t.data(),
  settle: () => gpuStatus.backend?.synchronize() ?? Promise.resolve(),
  close: { rtol: 1e-5, atol: 1e-5 },
  // Ops that read values on the host replay until their reads are answered (core/host-reads.ts).
  run: (fn) => torch.resolveReads(fn),
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
  if (m.kind === "int64 input") {
    // The upload refuses the value, with the range it can hold.
    const error = await runCase(c, gpuTarget).then(
      () => null,
      (e: unknown) => e as Error,
    );
    await gpuStatus.backend?.synchronize().catch(() => undefined);
    expect(error?.message, "the upload refuses an int64 beyond int32").toMatch(INT64_REFUSAL);
    return;
  }
  if (m.kind === "int32 wrap") {
    // Ring ops (add, mul, pow) wrap consistently: PyTorch's 64-bit result taken modulo 2^32 is
    // what i32 arithmetic gives, so the reference is exact.
    await runCase(wrappedToInt32(c), gpuTarget).finally(() =>
      gpuStatus.backend?.synchronize().catch(() => undefined),
    );
    return;
  }
  // float to int: C leaves the result undefined where the float is nan, infinite or beyond
  // the integer range (PyTorch's value is x86's "integer indefinite"); every other element is
  // compared exactly, and those elements read PyTorch's value in place of the GPU's.
  const input = Object.values(c.inputs)[0]?.values ?? [];
  const undefinedAt = input.map((v) => {
    const x = Number(v);
    return !Number.isFinite(x) || x > INT32_MAX || x < INT32_MIN;
  });
  expect(undefinedAt.some(Boolean), "a float to int case converts an out-of-range value").toBe(
    true,
  );
  const want = "result" in c.expect ? c.expect.result : null;
  const wanted = (want as { values?: number[] } | null)?.values ?? [];
  await runCase(c, {
    ...gpuTarget,
    read: async (t) =>
      Array.from(await t.data()).map((x, i) => (undefinedAt[i] ? (wanted[i] as number) : x)),
  });
}

/** How the cases divide: compared with PyTorch, or mapped by kind. */
export function accountCases(cases: Case[]): { compared: number; mapped: Record<string, number> } {
  const mapped: Record<string, number> = {};
  let compared = 0;
  for (const c of cases) {
    const m = gpuMapping(c);
    if (m === null) compared++;
    else mapped[m.kind] = (mapped[m.kind] ?? 0) + 1;
  }
  return { compared, mapped };
}

export interface SuiteOptions {
  /** Where the suite runs, for its title and report ("Node (Dawn)", "Chromium"). */
  host: string;
  /** The result of initWebGPU() on this host. */
  status: GpuStatus;
  /** Under CI a missing adapter fails the run instead of skipping the suite. */
  ci: boolean;
  /** Host-specific checks of the adapter, run first (the browser compares it with the page's). */
  checkAdapter?: (adapterName: string) => void | Promise<void>;
}

/** Fails under CI, or warns loudly, when the host found no WebGPU adapter. */
function requireAdapter({ host, status, ci }: SuiteOptions): void {
  if (status.available) return;
  const msg = `WebGPU adapter unavailable in ${host}: ${status.reason}`;
  if (ci) throw new Error(`${msg} (CI requires one)`);
  console.warn(`\n*** SKIPPING the WebGPU differential suite: ${msg} ***\n`);
}

/** Declares the suite: one test per fixture case, plus the adapter and accounting checks. */
export async function describeWebGpuDifferential(opts: SuiteOptions): Promise<void> {
  requireAdapter(opts);
  const { host, status } = opts;
  const [ops, linalg] = await Promise.all([loadCases(), loadCases(LINALG_FIXTURE)]);
  const cases = ops === null || linalg === null ? null : [...ops, ...linalg];

  afterAll(async () => {
    const backend = gpuStatus.backend;
    if (backend === null) return;
    console.info(
      `WebGPU differential (${host}): ${backend.runner.dispatches} kernel dispatches on ${backend.name}`,
    );
    await backend.runner.flush();
    backend.destroy();
  });

  describe.skipIf(!status.available)(
    `the WebGPU backend in ${host} against PyTorch 1.13 (fixtures/ops.json, linalg.json)`,
    () => {
      if (cases === null) {
        it("has its fixture file", () => {
          throw new Error("engine/fixtures/ops.json or linalg.json is missing");
        });
        return;
      }
      it("runs on a named adapter", async () => {
        const name = gpuStatus.backend?.name ?? "";
        expect(name.length).toBeGreaterThan(0);
        console.info(`WebGPU adapter (${host}): ${name}`);
        await opts.checkAdapter?.(name);
      });
      it("compares most cases and maps the rest by reason", () => {
        const { compared, mapped } = accountCases(cases);
        const kinds = Object.entries(mapped).map(([k, n]) => `${k} ${n}`);
        console.info(
          `WebGPU differential (${host}): ${cases.length} cases, ${compared} compared, ` +
            `${cases.length - compared} mapped (${kinds.join(", ")})`,
        );
        // A mapping rule gone wrong must not quietly turn the suite into a refusal check.
        expect(compared).toBeGreaterThan(cases.length / 2);
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
}
