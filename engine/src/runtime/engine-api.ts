// The JS module the Python package imports as `_torchlit`: the public engine API plus the few
// helpers Python cannot express through Pyodide's proxies (instanceof checks, stable object ids,
// building a PyFloat). It must stay a thin adapter: semantics live in the engine or in torch/.
import * as engine from "../index.ts";

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
  hasMethod: (name: string): boolean =>
    typeof (engine.Tensor.prototype as unknown as Record<string, unknown>)[name] === "function",
  /** Whether the engine exports a function of this name. */
  hasFunction: (name: string): boolean =>
    typeof (engine as unknown as Record<string, unknown>)[name] === "function",
  /** Options objects for the engine (Python dicts do not become plain JS objects by themselves). */
  makeObject: (): Record<string, unknown> => ({}),
};
