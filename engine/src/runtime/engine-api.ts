// The JS module the Python package imports as `_torchlit`: the public engine API plus the few
// helpers Python cannot express through Pyodide's proxies (instanceof checks, stable object ids,
// building a PyFloat). It must stay a thin adapter: semantics live in the engine or in torch/.
import * as engine from "../index.ts";

/**
 * Whether Tensor.prototype (or a parent) has a method of this name. Reads property descriptors
 * rather than values: reading a getter such as `T` on the prototype would run it without a tensor.
 */
function isPrototypeMethod(name: string): boolean {
  for (let p: object | null = engine.Tensor.prototype; p !== null; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return typeof d.value === "function";
  }
  return false;
}

/** Supplies the WebGPU GPU object when CUDA is first used (navigator.gpu, or Dawn's in Node). */

export type GpuProvider = () => GPU | null | undefined | Promise<GPU | null | undefined>;

let gpuProvider: GpuProvider = () => (globalThis.navigator as Navigator | undefined)?.gpu;
let gpu: GPU | null = null; // held: Dawn crashes if its GPU object is collected
let status: Promise<engine.GpuStatus> | null = null;

/** Sets where the GPU object comes from (createRuntime's `gpu` option). */
export function setGpuProvider(provider: GpuProvider): void {
  gpuProvider = provider;
}

/** Turns WebGPU on once; later calls share the first attempt (an unavailable GPU stays so). */
export function initCuda(): Promise<engine.GpuStatus> {
  status ??= (async () => {
    let found: GPU | null | undefined;
    try {
      found = await gpuProvider();
    } catch (e) {
      return {
        available: false,
        reason: `WebGPU could not start: ${(e as Error).message}`,
        backend: null,
      };
    }
    if (!found) {
      return {
        available: false,
        reason: "WebGPU is not available here (no GPU object)",
        backend: null,
      };
    }
    gpu = found;
    return engine.initWebGPU({ gpu });
  })();
  return status;
}

/** The status once initCuda() has settled, else null (Python's lazy init checks this first). */
let settled: engine.GpuStatus | null = null;

/** Releases the GPU device, if one was started (Dawn dislikes live devices at process exit). */
export function closeCuda(): void {
  settled?.backend?.destroy();
  settled = null;
  gpu = null;
}

/** torch.cuda's view of the backend; every method assumes initCuda() settled with a GPU. */
const cuda = {
  init: async (): Promise<engine.GpuStatus> => {
    settled = await initCuda();
    return settled;
  },
  settled: (): engine.GpuStatus | undefined => settled ?? undefined,
  backend: () => {
    const b = settled?.backend;
    if (!b) throw new Error("torch.cuda used before WebGPU was initialised");
    return b;
  },
  name: (): string => cuda.backend().name,
  memoryAllocated: (): number => cuda.backend().memoryAllocated(),
  memoryReserved: (): number => cuda.backend().memoryReserved(),
  maxMemoryAllocated: (): number => cuda.backend().maxMemoryAllocated(),
  resetPeakMemoryStats: (): void => cuda.backend().resetPeakMemoryStats(),
  emptyCache: (): void => cuda.backend().emptyCache(),
  synchronize: (): Promise<void> => cuda.backend().synchronize(),
  /** Kernel dispatches so far (tests assert that the GPU really ran). */
  dispatches: (): number => cuda.backend().runner.dispatches,
  /**
   * Loses the device as a driver reset would (tests: `_torchlit.cuda.loseDevice()`); resolves
   * once the engine has seen the loss.
   */
  loseDevice: async (): Promise<void> => {
    await cuda.backend().loseDevice();
  },
};

/** A Python callable as JS sees it: callable, and destroyed when no longer needed. */
interface PyCallable {
  (...args: unknown[]): unknown;
  destroy(): void;
}

/** Destroys a custom function's Python backward once its graph node is collected. */
const pythonBackwards = new FinalizationRegistry<PyCallable>((py) => {
  try {
    py.destroy();
  } catch {
    // Already destroyed (the runtime closed).
  }
});

/**
 * torch.autograd.Function's graph node: `backward` is a Python callable (a PyProxy) kept as long
 * as the node that calls it, then destroyed.
 */
function recordPythonFunction(
  name: string,
  inputs: readonly engine.Tensor[],
  outputs: readonly engine.Tensor[],
  backward: PyCallable,
): boolean {
  const fn = (grads: readonly (engine.Tensor | null)[]) =>
    backward(grads) as readonly (engine.Tensor | null | undefined)[];
  const recorded = engine.autograd.recordFunction(name, inputs, outputs, fn);
  if (recorded) {
    pythonBackwards.register(fn, backward);
    const node = outputs[0]?.gradFn;
    if (node) pythonFunctionNodes.add(node);
  } else backward.destroy();
  return recorded;
}

/**
 * The nodes of torch.autograd.Function: Python shows them as classes of torch.autograd.function
 * (`<torch.autograd.function.SqBackward object at …>`), the engine's own as C++ classes.
 */
const pythonFunctionNodes = new WeakSet<object>();

const ids = new WeakMap<object, number>();
let nextId = 1;

export const engineApi = {
  ...engine,
  /** True when x is an engine tensor (a JsProxy cannot run `instanceof` from Python). */
  isTensor: (x: unknown): boolean => x instanceof engine.Tensor,
  /** A stable number per JS object, so Python can keep one wrapper per tensor or graph node. */
  idOf: (x: object): number => {
    let id = ids.get(x);
    if (id === undefined) {
      id = nextId++;
      ids.set(x, id);
    }
    return id;
  },
  /** Wraps a Python float that is integral (2.0), so the engine promotes like PyTorch. */
  pyFloat: (v: number): engine.PyFloat => new engine.PyFloat(v),
  /** Whether Tensor.prototype has a method yet (ops land in parallel; Python checks first). */
  hasMethod: (name: string): boolean => isPrototypeMethod(name),
  /** Whether the engine exports a function of this name. */
  hasFunction: (name: string): boolean =>
    typeof (engine as unknown as Record<string, unknown>)[name] === "function",
  /** Options objects for the engine (Python dicts do not become plain JS objects by themselves). */
  makeObject: (): Record<string, unknown> => ({}),
  /**
   * A 1-d view over the whole storage under t, with no autograd history (Python's
   * Tensor.storage() reads and writes through it).
   */
  storageView: (t: engine.Tensor): engine.Tensor =>
    new engine.Tensor(t.storage, [t.storage.numel], [1], 0),
  /** torch.cuda's hooks (lazy WebGPU start, adapter name, memory counters). */
  cuda,
  recordPythonFunction,
  isPythonFunctionNode: (node: object): boolean => pythonFunctionNodes.has(node),
};
