// Fixtures that are programs. A generator (fixtures/gen_autograd.py, gen_errors.py, through
// fixtures/program_fixture.py) stores one Python program (its helpers, every case, and a driver
// that prints each case's result as one JSON line) next to what it printed under PyTorch 1.13. Here the same program runs through the real
// CLI, `torchlit run`, on the CPU or with `--device cuda` on WebGPU, and each case's result is
// compared with PyTorch's: floats within a float32 tolerance, everything else exactly.
// The cases live only in the fixture, so nothing here or in a test names them.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-support.ts";
import { startGpu } from "./gpu-support.ts";

export interface ProgramFixture {
  /** PyTorch's version when the generator ran. */
  torch: string;
  /** The program, as the generator ran it. */
  program: string;
  /** Each case's result under PyTorch, by case name. */
  cases: Record<string, unknown>;
}

/** The fixture fixtures/<file>; throws with the command that writes it when it is missing. */
export function loadProgramFixture(file: string, generator: string): ProgramFixture {
  const url = new URL(`../fixtures/${file}`, import.meta.url);
  if (!existsSync(url)) {
    throw new Error(`engine/fixtures/${file} is missing: run /usr/bin/python3 ${generator}`);
  }
  return JSON.parse(readFileSync(url, "utf8")) as ProgramFixture;
}

export interface ProgramRun {
  /** Each case's result, by name; a case that raised outside its own checks has `raised`. */
  results: Record<string, unknown>;
  /** The CLI's standard error (the cuda report when TORCHLIT_DEBUG_CUDA is set). */
  stderr: string;
}

/** Runs the fixture's program through `torchlit run` on `device` and parses what it printed. */
export async function runProgram(fx: ProgramFixture, device: "cpu" | "cuda"): Promise<ProgramRun> {
  const dir = mkdtempSync(join(tmpdir(), "torchlit-fixture-"));
  try {
    writeFileSync(join(dir, "cases.py"), fx.program);
    const env: NodeJS.ProcessEnv = { ...process.env, TORCHLIT_DEBUG_CUDA: "1" };
    // The CLI finds Dawn's Vulkan driver itself, as it does for a reader.
    delete env.VK_ICD_FILENAMES;
    const flags = device === "cuda" ? ["--device", "cuda"] : [];
    const ran = await runCli([...flags, "cases.py"], dir, env);
    expect(ran.code, ran.stderr).toBe(0);
    const last = ran.stdout.trimEnd().split("\n").at(-1) ?? "";
    return { results: JSON.parse(last) as Record<string, unknown>, stderr: ran.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Tolerance {
  rtol: number;
  atol: number;
}

/**
 * Exact equality, except numbers: within `tol` (JSON cannot tell PyTorch's 2.0 from 2, and an
 * integer off by one is off by far more than any tolerance here).
 */
export function expectSame(got: unknown, want: unknown, where: string, tol: Tolerance): void {
  if (typeof want === "number") {
    expect(typeof got, where).toBe("number");
    expect(
      Math.abs((got as number) - want),
      `${where}: got ${got}, want ${want}`,
    ).toBeLessThanOrEqual(tol.atol + tol.rtol * Math.abs(want));
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got), `${where}: a list`).toBe(true);
    expect((got as unknown[]).length, `${where}: length`).toBe(want.length);
    want.forEach((w, i) => {
      expectSame((got as unknown[])[i], w, `${where}[${i}]`, tol);
    });
  } else if (want !== null && typeof want === "object") {
    expect(got, where).toBeTypeOf("object");
    expect(got, where).not.toBeNull();
    expect(Object.keys(got as object).sort(), `${where}: keys`).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) {
      expectSame((got as Record<string, unknown>)[k], w, `${where}.${k}`, tol);
    }
  } else {
    expect(got, where).toEqual(want);
  }
}

export interface ProgramSuite {
  title: string;
  fx: ProgramFixture;
  device: "cpu" | "cuda";
  tol: Tolerance;
  /** Checks of the whole run before the cases (the cuda report). */
  checkRun?: (run: ProgramRun) => void;
}

/** One test per fixture case, all from a single run of the program. */
export function describeProgramFixture({ title, fx, device, tol, checkRun }: ProgramSuite): void {
  describe(title, () => {
    let run: Promise<ProgramRun> | null = null;
    // Started by the first test and shared: the program runs once per device.
    const results = async (): Promise<ProgramRun> => {
      run ??= runProgram(fx, device);
      return run;
    };
    it("runs the fixture's program", { timeout: 180_000 }, async () => {
      const r = await results();
      checkRun?.(r);
      expect(Object.keys(r.results).sort()).toEqual(Object.keys(fx.cases).sort());
    });
    for (const [name, want] of Object.entries(fx.cases)) {
      it(name, { timeout: 180_000 }, async () => {
        const got = (await results()).results[name];
        expectSame(got, want, name, tol);
      });
    }
  });
}

export interface DeviceSuites {
  /** What the cases check, for the titles ("autograd", "common mistakes"). */
  what: string;
  fx: ProgramFixture;
  /** The fixture file, for the titles. */
  file: string;
  cpu: Tolerance;
  cuda: Tolerance;
  /** Kernels the cuda run must at least have dispatched, proving it ran on the GPU. */
  minDispatches: number;
}

/**
 * The fixture's cases on the CPU and on WebGPU (`--device cuda`). The adapter is probed in this
 * process (under CI=true a missing one fails) and released for the CLI's own; the cuda run must
 * report that adapter and real dispatches (TORCHLIT_DEBUG_CUDA).
 */
export async function describeOnBothDevices(s: DeviceSuites): Promise<void> {
  describeProgramFixture({
    title: `${s.what} on the CPU matches PyTorch 1.13 (fixtures/${s.file})`,
    fx: s.fx,
    device: "cpu",
    tol: s.cpu,
  });
  const gpu = await startGpu(`${s.what} on WebGPU`);
  const adapter = gpu.backend?.name ?? null;
  gpu.backend?.destroy();
  describe.skipIf(adapter === null)("on WebGPU", () => {
    describeProgramFixture({
      title: `${s.what} on WebGPU (cuda) matches PyTorch 1.13 (fixtures/${s.file})`,
      fx: s.fx,
      device: "cuda",
      tol: s.cuda,
      checkRun: ({ stderr }) => {
        const report = /^torchlit: cuda: (.+) dispatches=(\d+)$/m.exec(stderr);
        expect(report?.[1], stderr).toBe(adapter);
        expect(Number(report?.[2])).toBeGreaterThanOrEqual(s.minDispatches);
      },
    });
  });
}
