// Runs each test/programs-cuda/*.py through the real CLI on the WebGPU "cuda" device and
// compares with real PyTorch's CPU output (gen_expected.py explains the device translation):
// numbers within float32 tolerance, everything else exactly. Each run must also print
// device='cuda:0' where it printed tensors and report (TORCHLIT_DEBUG_CUDA) the adapter and a
// non-zero kernel count. Without an adapter the suite is skipped, except under CI=true.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { initWebGPU } from "../src/index.ts";
import { type Ran, runCli as runCliIn } from "./cli-support.ts";

const dir = fileURLToPath(new URL("./programs-cuda/", import.meta.url));
const programs = readdirSync(dir)
  .filter((f) => f.endsWith(".py") && f !== "gen_expected.py")
  .sort();

// Probed in this process (started with the Vulkan env by `npm test`), then released.
const gpu = await nodeGpu();
const status = gpu ? await initWebGPU({ gpu }) : { available: false, backend: null };
const adapter = status.backend?.name ?? null;
status.backend?.destroy();
const ci = process.env.CI === "true";

/** The CLI sets up Dawn's Vulkan env itself: it is started without ours to prove that. */
function runCli(args: string[]): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env, TORCHLIT_DEBUG_CUDA: "1" };
  delete env.VK_ICD_FILENAMES;
  return runCliIn(args, dir, env);
}

/** torchlit's GPU output in PyTorch-on-CPU terms (the inverse of gen_expected.py's translation). */
function asCpu(out: string): string {
  return out.replaceAll(", device='cuda:0'", "").replaceAll("cuda:0", "cpu");
}

const NUMBER = /-?\d+\.\d+(?:e[+-]?\d+)?/g;

/** Equal line by line, numbers within float32 tolerance (GPU kernels round differently). */
function expectClose(actual: string, expected: string): void {
  const a = actual.split("\n");
  const e = expected.split("\n");
  expect(a.length, actual).toBe(e.length);
  a.forEach((line, i) => {
    const want = e[i] as string;
    expect(line.replace(NUMBER, "#"), `line ${i + 1}`).toBe(want.replace(NUMBER, "#"));
    const got = (line.match(NUMBER) ?? []).map(Number);
    (want.match(NUMBER) ?? []).map(Number).forEach((w, j) => {
      expect(Math.abs((got[j] as number) - w), `line ${i + 1}: ${line}`).toBeLessThanOrEqual(
        2e-4 + 1e-3 * Math.abs(w),
      );
    });
  });
}

describe.skipIf(adapter === null && !ci)("torchlit programs on cuda (WebGPU)", () => {
  it("has a WebGPU adapter", () => {
    expect(adapter, "no WebGPU adapter (CI=true requires one)").not.toBeNull();
  });
  for (const program of programs) {
    const source = readFileSync(join(dir, program), "utf8");
    const flags = source.startsWith("# torchlit: --device cuda") ? ["--device", "cuda"] : [];
    it.concurrent(`${[...flags, program].join(" ")} runs on the GPU and prints what PyTorch prints`, {
      // Each run takes a few seconds; the margin is for a loaded machine's software adapter.
      timeout: 120_000,
    }, async () => {
      const ran = await runCli([...flags, program]);
      const lines = ran.stderr.trimEnd().split("\n");
      expect(lines, ran.stderr).toHaveLength(1);
      expect(ran.code).toBe(0);
      const report = /^torchlit: cuda: (.+) dispatches=(\d+)$/.exec(lines[0] as string);
      expect(report?.[1], ran.stderr).toBe(adapter);
      expect(Number(report?.[2])).toBeGreaterThan(0);
      if (ran.stdout.includes("tensor(")) expect(ran.stdout).toContain("device='cuda:0'");
      expectClose(
        asCpu(ran.stdout),
        readFileSync(join(dir, program.replace(/\.py$/, ".expected")), "utf8"),
      );
    });
  }
});

describe.skipIf(adapter === null && !ci)("GPU failures a program meets (WebGPU)", () => {
  const scenario = (name: string): string =>
    fileURLToPath(new URL(`./cuda-scenarios/${name}`, import.meta.url));

  it("a tensor larger than any GPU buffer raises torch.cuda.OutOfMemoryError; the GPU stays", {
    timeout: 120_000,
  }, async () => {
    const ran = await runCli([scenario("too_big.py")]);
    expect(ran.code, ran.stderr).toBe(0);
    const lines = ran.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("OutOfMemoryError True");
    expect(lines[1]).toMatch(
      /^CUDA out of memory\. Tried to allocate 64\.00 GiB \(GPU 0; the largest buffer WebGPU gives on this adapter is [\d.]+ [GMK]iB\)$/,
    );
    expect(lines.slice(2)).toEqual(["True 2.0"]);
    expect(ran.stderr).toMatch(/^torchlit: cuda: .+ dispatches=[1-9]\d*$/m);
  });

  it("a lost device raises clearly on GPU work, is_available() turns False, the CPU goes on", {
    timeout: 120_000,
  }, async () => {
    const ran = await runCli([scenario("lost_device.py")]);
    expect(ran.code, ran.stderr).toBe(0);
    const lost =
      /^RuntimeError: CUDA error: the WebGPU device was lost \(.+\); GPU tensors are no longer available$/;
    const lines = ran.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("True 6.0");
    expect(lines[1]).toBe("False");
    // print(x), x + 1, zeros(device=), .cuda(), get_device_name(): each raises, none returns.
    expect(lines.slice(2, 7)).toHaveLength(5);
    for (const line of lines.slice(2, 7)) expect(line).toMatch(lost);
    expect(lines.slice(7)).toEqual(["4.0"]);
    const report = /^torchlit: cuda: (.+) dispatches=(\d+) \(unavailable since: (.+)\)$/m.exec(
      ran.stderr,
    );
    expect(report?.[1], ran.stderr).toBe(adapter);
    expect(Number(report?.[2])).toBeGreaterThan(0);
    expect(report?.[3]).toMatch(/^the WebGPU device was lost/);
  });
});
