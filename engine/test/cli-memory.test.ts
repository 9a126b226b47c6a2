// The memory budgets through the real CLI (`torchlit run --cpu-budget/--cuda-budget`): a memory
// bomb ends within seconds with the error and a traceback (exit status 1) instead of growing
// until the kernel kills it; a loop that drops what it makes is not refused; on the GPU the
// error is torch.cuda.OutOfMemoryError, caught in Python, and the device goes on after `del`.
// Budgets are 64 MiB, so nothing here allocates much. Without an adapter the GPU case is
// skipped, except under CI=true.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";
import { initWebGPU } from "../src/index.ts";
import { runCli } from "./cli-support.ts";

const dir = mkdtempSync(join(tmpdir(), "torchlit-cli-memory-"));
const program = (name: string, code: string) => {
  writeFileSync(join(dir, name), code);
  return name;
};

// Probed in this process (started with the Vulkan env by `npm test`), then released.
const gpu = await nodeGpu();
const status = gpu ? await initWebGPU({ gpu }) : { available: false, backend: null };
const adapter = status.backend?.name ?? null;
status.backend?.destroy();
if (adapter === null && process.env.CI === "true") throw new Error("CI requires a WebGPU adapter");

describe("torchlit run's memory budgets", () => {
  it("ends a CPU memory bomb with the error and a traceback, exit status 1", {
    timeout: 60_000,
  }, async () => {
    const name = program(
      "bomb.py",
      "import torch\nxs = []\nwhile True:\n    xs.append(torch.ones(2**22))\n",
    );
    const started = Date.now();
    const ran = await runCli(["--cpu-budget", "64M", name], dir);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain(`File "${name}", line 4, in <module>`);
    expect(ran.stderr).toMatch(
      /\nRuntimeError: \[enforce fail at alloc_cpu\.cpp:75\] \. DefaultCPUAllocator: can't allocate memory: you tried to allocate 16777216 bytes\. Error code 12 \(Cannot allocate memory\)\. Torchlit's budget for CPU tensors in this run is 67108864 bytes \(64\.00 MiB\) and live tensors hold 67108864 bytes \(64\.00 MiB\)\n$/,
    );
    // Start-up included; the bomb itself is a few allocations.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("does not refuse a loop that drops each tensor it makes", { timeout: 60_000 }, async () => {
    const name = program(
      "churn.py",
      "import torch\nfor i in range(40):\n    x = torch.ones(2**22)\n    y = x * 2\nprint(y.sum().item())\n",
    );
    const ran = await runCli(["--cpu-budget=64M", name], dir);
    expect(ran).toEqual({ code: 0, stdout: "8388608.0\n", stderr: "" });
  });

  it("documents the budgets in --help", async () => {
    const ran = await runCli(["--help"], dir);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("--cpu-budget SIZE");
    expect(ran.stdout).toContain("--cuda-budget SIZE");
  });

  it.skipIf(adapter === null)(
    `raises torch.cuda.OutOfMemoryError past the GPU budget, and the GPU goes on after del (${adapter})`,
    { timeout: 60_000 },
    async () => {
      const name = program(
        "gpu-bomb.py",
        [
          "import torch",
          "xs = []",
          "try:",
          "    while True:",
          "        xs.append(torch.ones(2**22, device='cuda'))",
          "except torch.cuda.OutOfMemoryError as e:",
          "    print(isinstance(e, RuntimeError), len(xs), torch.cuda.memory_allocated() // 2**20)",
          "    print(str(e).split(' (')[0])",
          "del xs",
          "for i in range(20):",
          "    x = torch.ones(2**22, device='cuda')",
          "print(x.sum().item(), torch.cuda.max_memory_allocated() <= 64 * 2**20)",
          "",
        ].join("\n"),
      );
      const ran = await runCli(["--cuda-budget", "64M", name], dir);
      expect(ran).toEqual({
        code: 0,
        stdout: "True 4 64\nCUDA out of memory. Tried to allocate 16.00 MiB\n4194304.0 True\n",
        stderr: "",
      });
    },
  );
});
