// The `torchlit run [--device cpu|cuda] FILE.py | -` command: runs a Python file (or stdin) on
// the engine through Pyodide, with stdout passed through byte for byte and an uncaught
// exception's traceback on stderr (exit status 1). Started by bin/torchlit.mjs, which picks Node
// and the JSPI flag. torch.cuda is Dawn's WebGPU, started only when a program first uses it.
import { existsSync, readFileSync } from "node:fs";
import { runForwardingSignals } from "../../bin/child.mjs";
import { budgets } from "../backend/memory-budget.ts";
import { limits } from "../backend/storage.ts";
import { nodeGpu, vulkanEnv } from "../backend/webgpu/node-gpu.ts";
import { engineApi } from "../runtime/engine-api.ts";
import { createRuntime, exitStatus } from "../runtime/index.ts";
import { pyodideIndexURL, readPythonSources } from "../runtime/node-sources.ts";

const USAGE =
  "usage: torchlit run [--device cpu|cuda] [--cpu-budget SIZE] [--cuda-budget SIZE] [--max-tensor SIZE] FILE.py | -\n";

const HELP = `${USAGE}
Runs a Python file (or stdin, for -) with Torchlit's torch, as python3 would with PyTorch.

  --device cpu|cuda     where tensors are made by default (cuda: the GPU through WebGPU)
  --cpu-budget SIZE     CPU tensors (of 1 MiB or more) live at once; past it an allocation
                        raises DefaultCPUAllocator's RuntimeError (default 4GiB)
  --cuda-budget SIZE    GPU memory for tensors, live and pooled; past it an allocation raises
                        torch.cuda.OutOfMemoryError (default 2GiB)
  --max-tensor SIZE     the largest single CPU tensor (default 2GiB)

SIZE is a number of bytes, or one with K, M or G (KiB, MiB, GiB): 512M, 4G, 4GiB.
`;

interface Args {
  file: string;
  device: "cpu" | "cuda";
  cpuBudget: number;
  cudaBudget: number;
  maxTensor: number;
}

/** Bytes from "4096", "64M", "4G", "4GiB" (binary units); NaN when it is not a size. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?$/i.exec(text.trim());
  if (!m) return Number.NaN;
  const unit = { "": 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[(m[2] as string).toUpperCase()] ?? 1;
  return Math.floor(Number(m[1]) * unit);
}

function parse(argv: readonly string[]): Args | null {
  const [command, ...rest] = argv;
  if (command !== "run") return null;
  const options: Record<string, string> = {
    device: "cpu",
    "cpu-budget": String(budgets.cpuBytes),
    "cuda-budget": String(budgets.gpuBytes),
    "max-tensor": String(limits.maxAllocationBytes),
  };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const flag = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (flag && (flag[1] as string) in options) {
      options[flag[1] as string] = flag[2] ?? rest[++i] ?? "";
    } else files.push(a);
  }
  let device = options.device as string;
  if (device === "webgpu" || device === "cuda:0") device = "cuda";
  const cpuBudget = parseSize(options["cpu-budget"] as string);
  const cudaBudget = parseSize(options["cuda-budget"] as string);
  const maxTensor = parseSize(options["max-tensor"] as string);
  if (files.length !== 1 || (device !== "cpu" && device !== "cuda")) return null;
  if (!(cpuBudget >= 0 && cudaBudget >= 0 && maxTensor >= 0)) return null;
  return { file: files[0] as string, device, cpuBudget, cudaBudget, maxTensor };
}

/**
 * Dawn reads its Vulkan driver variables only at process start: when they are missing, run
 * this same command again with them set (the caller sets nothing), forwarding signals to it.
 * Null when they are in place.
 */
function reexecWithVulkanEnv(): Promise<number> | null {
  const extra = vulkanEnv(process.env, existsSync);
  if (Object.keys(extra).length === 0) return null;
  return runForwardingSignals(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, ...extra },
  }).catch(() => 1);
}

// os._exit(n) can also surface outside the run's promise, as Pyodide's fatal error: end with n
// once stdout has drained. Anything else uncaught is a bug of ours: its stack, not Node's dump
// of the (minified) line it came from.
function onUncaught(error: unknown): void {
  const status = exitStatus(error);
  if (status === null) process.stderr.write(`torchlit: ${(error as Error)?.stack ?? error}\n`);
  process.stdout.write("", () => process.exit(status ?? 1));
}
process.on("uncaughtException", onUncaught);
process.on("unhandledRejection", onUncaught);

// A reader closing the pipe (`torchlit run big.py | head`) ends the program as it ends
// CPython's: BrokenPipeError and exit status 1, not a Node stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.stderr.write("BrokenPipeError: [Errno 32] Broken pipe\n");
  process.exit(1);
});

/** A debug line for tests (TORCHLIT_DEBUG_CUDA=1): the adapter used and the kernels it ran. */
function cudaReport(): string {
  const status = engineApi.cuda.settled();
  if (!status?.backend) return `torchlit: cuda: not started (${status?.reason ?? "unused"})\n`;
  const lost = status.available ? "" : ` (unavailable since: ${status.reason})`;
  return `torchlit: cuda: ${engineApi.cuda.name()} dispatches=${engineApi.cuda.dispatches()}${lost}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  const args = parse(argv);
  if (args === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const reexec = reexecWithVulkanEnv();
  if (reexec !== null) return reexec;
  const { file, device } = args;
  budgets.cpuBytes = args.cpuBudget;
  budgets.gpuBytes = args.cudaBudget;
  budgets.scope = "this run";
  limits.maxAllocationBytes = args.maxTensor;
  let code: string;
  try {
    code = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(`torchlit: can't open file '${file}': ${(e as Error).message}\n`);
    return 2;
  }
  let runtime: Awaited<ReturnType<typeof createRuntime>>;
  try {
    runtime = await createRuntime({
      indexURL: pyodideIndexURL(),
      sources: readPythonSources(),
      stdout: (b) => process.stdout.write(b),
      stderr: (b) => process.stderr.write(b),
      gpu: nodeGpu,
      device,
    });
  } catch (e) {
    process.stderr.write(`torchlit: --device ${device}: ${(e as Error).message}\n`);
    return 1;
  }
  let result: Awaited<ReturnType<typeof runtime.run>>;
  try {
    result = await runtime.run(code, { filename: file === "-" ? "<stdin>" : file });
  } catch (e) {
    // Python is gone: its exit status is the program's (and Pyodide's source stays unprinted).
    const status = exitStatus(e);
    if (status === null) throw e;
    return status;
  }
  if (result.traceback !== null) process.stderr.write(result.traceback);
  if (process.env.TORCHLIT_DEBUG_CUDA) process.stderr.write(cudaReport());
  runtime.close();
  return result.ok ? 0 : 1;
}

// exitCode, not exit(): pending writes to a piped stdout must drain first.
process.exitCode = await main(process.argv.slice(2));
