// The Python runtime: Pyodide with the engine registered as `_torchlit` and the engine/python
// package (torch) written into its filesystem. Host-agnostic: the host passes Pyodide's indexURL,
// output sinks and the Python sources as a { "torch/__init__.py": text } map — Node reads them
// from disk (node-sources.ts); a browser host bundles them (e.g. import.meta.glob with ?raw).
import { loadPyodide, type PyodideAPI } from "pyodide";
import { closeCuda, engineApi, type GpuProvider, setGpuProvider } from "./engine-api.ts";

export { exitStatus } from "./exit-status.ts";
export type { GpuProvider };

/** Python sources by path relative to engine/python, e.g. "torch/__init__.py". */
export type PythonSources = Readonly<Record<string, string>>;

export interface RuntimeOptions {
  /** Where pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json are served or stored. */
  indexURL: string;
  /** The torch package and the runner module, as text. */
  sources: PythonSources;
  /** Raw bytes Python writes to sys.stdout / sys.stderr (byte-exact, no line handling). */
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  /**
   * Where torch.cuda's GPU comes from; asked once, when a program first uses CUDA (so CPU-only
   * programs never start WebGPU). Default: navigator.gpu. Node hosts pass Dawn's (nodeGpu).
   */
  gpu?: GpuProvider;
  /**
   * Where factories without `device=` create tensors. Default "cpu". "cuda" starts WebGPU now
   * and rejects, with the reason, when there is no GPU (`torchlit run --device cuda`).
   */
  device?: "cpu" | "cuda";
}

export interface RunOptions {
  /** Shown in tracebacks as the reader's file. Default "<stdin>". */
  filename?: string;
  /** Namespace to run in; cells of one notebook share one. Default: a fresh one per run. */
  namespace?: string;
}

export interface RunResult {
  ok: boolean;
  /** On failure: the traceback (reader's frames only) ending in PyTorch's `Type: message` line. */
  traceback: string | null;
}

export interface Runtime {
  readonly pyodide: PyodideAPI;
  run(code: string, opts?: RunOptions): Promise<RunResult>;
  /** Releases the GPU device if CUDA was used (call before a Node process exits). */
  close(): void;
}

/** Where the Python sources live inside Pyodide's filesystem (first on sys.path). */
export const PYTHON_ROOT = "/torchlit";

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const pyodide = await loadPyodide({ indexURL: opts.indexURL });
  const sink = (write: (b: Uint8Array) => void) => ({
    write: (buf: Uint8Array) => {
      write(buf.slice());
      return buf.length;
    },
  });
  pyodide.setStdout(sink(opts.stdout));
  pyodide.setStderr(sink(opts.stderr));
  if (opts.gpu) setGpuProvider(opts.gpu);
  pyodide.registerJsModule("_torchlit", engineApi);
  for (const [rel, text] of Object.entries(opts.sources)) {
    const path = `${PYTHON_ROOT}/${rel}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, text);
  }
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(PYTHON_ROOT)})`);
  if (opts.device === "cuda") {
    const status = await engineApi.cuda.init();
    if (!status.available) throw new Error(`CUDA (WebGPU) is not available: ${status.reason}`);
    pyodide.runPython("import torch; torch._set_default_device('cuda')");
  }
  const runnerNs = pyodide.toPy({});
  pyodide.runPython("from _torchlit_runner import run_source", { globals: runnerNs });

  return {
    pyodide,
    async run(code, runOpts = {}) {
      runnerNs.set("_code", code);
      runnerNs.set("_filename", runOpts.filename ?? "<stdin>");
      runnerNs.set("_namespace", runOpts.namespace ?? null);
      // runPythonAsync (not runPython) so the reader's code runs inside a promising call and
      // JSPI's run_sync can block on GPU reads later.
      const traceback: string | undefined = await pyodide.runPythonAsync(
        "await run_source(_code, _filename, _namespace)",
        { globals: runnerNs },
      );
      return { ok: traceback === undefined, traceback: traceback ?? null };
    },
    close: closeCuda,
  };
}
