// The `torchlit run [--device cpu|cuda] FILE.py | -` command: runs a Python file (or stdin) on
// the engine through Pyodide, with stdout passed through byte for byte and an uncaught
// exception's traceback on stderr (exit status 1). Started by bin/torchlit.mjs, which picks Node
// and the JSPI flag. torch.cuda is Dawn's WebGPU, started only when a program first uses it.
import { existsSync, readFileSync } from "node:fs";
import { runForwardingSignals } from "../../bin/child.mjs";
import { nodeGpu, vulkanEnv } from "../backend/webgpu/node-gpu.ts";
import { engineApi } from "../runtime/engine-api.ts";
import { createRuntime, exitStatus } from "../runtime/index.ts";
import { pyodideIndexURL, readPythonSources } from "../runtime/node-sources.ts";

const USAGE = "usage: torchlit run [--device cpu|cuda] FILE.py | -\n";

interface Args {
  file: string;
  device: "cpu" | "cuda";
}

function parse(argv: readonly string[]): Args | null {
  const [command, ...rest] = argv;
  if (command !== "run") return null;
  let device: string = "cpu";
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === "--device") device = rest[++i] ?? "";
    else if (a.startsWith("--device=")) device = a.slice("--device=".length);
    else files.push(a);
  }
  if (device === "webgpu" || device === "cuda:0") device = "cuda";
  if (files.length !== 1 || (device !== "cpu" && device !== "cuda")) return null;
  return { file: files[0] as string, device };
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
  const args = parse(argv);
  if (args === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const reexec = reexecWithVulkanEnv();
  if (reexec !== null) return reexec;
  const { file, device } = args;
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
