// The differential harness shared by the CPU and WebGPU suites: replays one program of
// fixtures/ops.json (written by fixtures/gen_ops.py under PyTorch 1.13) through the engine's
// public API on a given device and compares values, metadata, autograd state and error texts.
// It decides nothing about skipping; the suites map cases that cannot apply to a device.
//
// Name mapping: torch.<fn>(x, ...) calls the exported function when index.ts has one (tensor,
// zeros, ones, full, eye, arange, linspace, *_like, where); otherwise it becomes x.<fn>(...).
// Keyword arguments become positional in PyTorch order (sum/mean: dim, keepdim, dtype;
// var/std: dim, correction, keepdim), factory keywords go to the options object, "slice" is
// Tensor.slice(dim, start, stop, step) (Python's x[:, a:b:c]), "T" the property, "__getitem__"
// on a tuple picks an element (values/indices of max/min), a Python float is a PyFloat, and
// nn.functional.<name> is the op table's F.<name> (parameters from the manifest).
// On a device other than the CPU, inputs and factory results are created there.

import * as torch from "torchlit";
import { noGrad, PyFloat, type Tensor } from "torchlit";
import { allclose, type CloseOptions } from "torchlit/testing";
import { expect } from "vitest";
import { BINARY_METHODS } from "../src/ops/tensor-math.ts";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export interface InputSpec {
  values: (number | boolean | string)[];
  shape: number[];
  dtype: torch.DType;
  requires_grad: boolean;
}
interface Call {
  fn?: string;
  method?: string;
  self?: string;
  kind?: "backward" | "grad" | "set_requires_grad";
  args?: Json[];
  kwargs?: Record<string, Json>;
  out?: string;
  no_grad?: boolean;
}
interface TensorRecord {
  dtype: torch.DType;
  shape: number[];
  strides: number[];
  offset: number;
  contiguous: boolean;
  values: (number | boolean | string)[];
  /** int64 results beyond int32: the values modulo 2^32, as a 32-bit integer unit computes them. */
  values_int32?: number[];
  requires_grad: boolean;
  is_leaf: boolean;
  grad_fn: string | null;
  version: number;
  shares: string | null;
  base: string | null;
  identity: string | null;
}
type Rec = TensorRecord | { tuple: Rec[] } | null;
export interface Case {
  name: string;
  inputs: Record<string, InputSpec>;
  calls: Call[];
  weights?: (number | string)[];
  expect:
    | { error: { type: string; message: string } }
    | { result: Rec; grads: Record<string, Rec>; versions: Record<string, number> };
}

export const FIXTURE = new URL("../fixtures/ops.json", import.meta.url);
/** fixtures/linalg.json (gen_linalg.py): inverse, det, norms and broadcast_tensors. */
export const LINALG_FIXTURE = new URL("../fixtures/linalg.json", import.meta.url);
const num = (v: number | boolean | string): number =>
  typeof v === "string" ? Number(v.replace("inf", "Infinity")) : Number(v);

type Value =
  | Tensor
  | Value[]
  | { values: Tensor; indices: Tensor }
  | { inverse: Tensor; info: Tensor }
  | null;
type Env = Map<string, Value>;

/** Where a case runs and how results come back to the host. */
export interface Target {
  device: torch.DeviceType;
  /** Reads a tensor's values (the CPU suite reads synchronously, the GPU one awaits data()). */
  read: (t: Tensor) => ArrayLike<number> | Promise<ArrayLike<number>>;
  /**
   * Waits for the device and raises errors its kernels flagged (a GPU reports a bad index or a
   * zero integer divisor after the fact), so they surface where PyTorch raises them.
   */
  settle?: () => Promise<void>;
  /** Float tolerance; PyTorch's float32 defaults when absent. */
  close?: CloseOptions;
  /**
   * Runs one call of a case: a GPU target passes it through resolveReads, so ops that read
   * values on the host (nonzero, masks, range checks) run as an application's would.
   */
  run?: <T>(fn: () => T) => Promise<T>;
}

/** What running a case observed, for the suites' own assertions. */
export interface Outcome {
  /** Elements read back from the device (0 when the case ended in an error or read nothing). */
  elementsRead: number;
}

let target: Target = { device: "cpu", read: (t) => t.dataSync() };
let elementsRead = 0;

/**
 * The parsed cases, or null when the fixture file is missing. In Node the file is read from
 * disk; in a browser (Vitest's browser mode, which serves the repository over http) it is
 * fetched, so both hosts replay the same file.
 */
export async function loadCases(fixture: URL = FIXTURE): Promise<Case[] | null> {
  let text: string;
  if (fixture.protocol === "file:") {
    // Imported only here so that the module also loads in a browser.
    const { existsSync, readFileSync } = await import("node:fs");
    if (!existsSync(fixture)) return null;
    text = readFileSync(fixture, "utf8");
  } else {
    const res = await fetch(fixture);
    // A dev server may answer a missing file with its HTML fallback page instead of a 404.
    if (!res.ok || !res.headers.get("content-type")?.includes("json")) return null;
    text = await res.text();
  }
  return (JSON.parse(text) as { cases: Case[] }).cases;
}

function decode(a: Json, env: Env): unknown {
  if (Array.isArray(a)) return a.map((x) => decode(x, env));
  if (a !== null && typeof a === "object") {
    if ("ref" in a) return env.get(a.ref as string);
    if ("dtype" in a) return a.dtype;
    if ("float" in a) return new PyFloat(num(a.float as number | string));
  }
  return a;
}

/** A Python float becomes a plain number where the engine's parameter is a number. */
const plain = (v: unknown): unknown =>
  v instanceof PyFloat ? v.value : Array.isArray(v) ? v.map(plain) : v;

const FACTORIES = new Set(["zeros", "ones", "eye", "zeros_like", "ones_like", "full_like"]);
const SCALAR_OK = new Set<string>([
  ...BINARY_METHODS,
  ...BINARY_METHODS.map((b) => `${b}_`),
  "masked_fill",
  "masked_fill_",
  "clamp",
  "clamp_",
  "scatter",
  "scatter_",
  "rsub",
]);

/**
 * torch.linalg.<fn> keyword parameters in the engine's positional order (a `dtype` keyword
 * becomes the trailing options object).
 */
const LINALG_PARAMS: Record<string, string[]> = {
  inv_ex: ["check_errors"],
  vector_norm: ["ord", "dim", "keepdim"],
  matrix_norm: ["ord", "dim", "keepdim"],
  norm: ["ord", "dim", "keepdim"],
};

function callLinalg(name: string, args: unknown[], kw: Record<string, unknown>): unknown {
  const fns = torch.linalg as unknown as Record<string, (...a: unknown[]) => unknown>;
  const fn = fns[name];
  if (fn === undefined) throw new Error(`harness: torch.linalg has no ${name}`);
  const pos = [...args];
  const params = LINALG_PARAMS[name] ?? [];
  params.forEach((p, i) => {
    if (kw[p] !== undefined) pos[i + 1] = kw[p];
  });
  if (kw.dtype !== undefined) {
    pos.length = Math.max(pos.length, params.length + 1);
    pos.push({ dtype: kw.dtype });
  }
  // A missing positional argument is the engine's default, as None is PyTorch's.
  return fn(...pos.map((a) => (a === null ? undefined : a)));
}

/** Exported functions of several tensors (no method form in PyTorch). */
const TENSOR_FUNCTIONS = new Set(["broadcast_tensors"]);

/**
 * torch.nn.functional.<name> of an op-table activation: positional parameters, then the keyword
 * ones in the manifest's order, then inplace.
 */
function callFunctional(name: string, args: unknown[], kw: Record<string, unknown>): unknown {
  const op = torch.opManifest.unary.find((o) => o.name === name && o.functional !== null);
  const f = (torch.F as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
  if (op?.functional == null || f === undefined) throw new Error(`harness: F has no ${name}`);
  const [input, ...rest] = args.map(plain);
  const params = op.functional.params.map(([k, dflt], i) => rest[i] ?? plain(kw[k]) ?? dflt);
  return f(input, ...params, kw.inplace ?? rest[op.functional.params.length] ?? false);
}

function callFn(name: string, args: unknown[], kw: Record<string, unknown>): unknown {
  if (name.startsWith("linalg.")) return callLinalg(name.slice("linalg.".length), args, kw);
  if (name.startsWith("nn.functional."))
    return callFunctional(name.slice("nn.functional.".length), args, kw);
  if (TENSOR_FUNCTIONS.has(name))
    return (torch as unknown as Record<string, (...a: unknown[]) => unknown>)[name]?.(...args);
  const opts: Record<string, unknown> = {};
  if (kw.dtype !== undefined) opts.dtype = kw.dtype;
  if (target.device !== "cpu") opts.device = target.device;
  const f = torch as unknown as Record<string, (...a: unknown[]) => unknown>;
  if (name === "tensor") return torch.tensor(args[0] as never, opts);
  if (name === "full") return torch.full(args[0] as number[], args[1] as number, opts);
  if (name === "arange" || name === "linspace") {
    const anyFloat = args.some((a) => a instanceof PyFloat);
    const nums = args.map(plain) as number[];
    if (name === "linspace")
      return torch.linspace(nums[0] as number, nums[1] as number, nums[2] as number, opts);
    return torch.arange(nums[0] as number, nums[1], nums[2], { ...opts, anyFloat });
  }
  if (FACTORIES.has(name)) {
    const pos = name === "full_like" ? args : args.map(plain);
    return (f[name] as (...a: unknown[]) => unknown)(...pos, opts);
  }
  if (name === "where") return torch.where(args[0] as Tensor, args[1] as never, args[2] as never);
  return callMethod(args[0] as Tensor, name, args.slice(1), kw);
}

function callMethod(
  self: Tensor,
  name: string,
  rawArgs: unknown[],
  kw: Record<string, unknown>,
): unknown {
  let args = SCALAR_OK.has(name) ? rawArgs : rawArgs.map(plain);
  if (name === "slice") return self.slice(...(args as [number, number, number, number]));
  if (name === "T") return self.T;
  if (name === "requires_grad_") return self.requiresGrad_(...(args as boolean[]));
  if (name === "sum" || name === "mean") args = [args[0], args[1] ?? false, kw.dtype];
  if (name === "var" || name === "std")
    args = [args[0] ?? null, plain(kw.correction) ?? 1, kw.keepdim ?? false];
  const m = (self as unknown as Record<string, unknown>)[name];
  if (typeof m !== "function") throw new Error(`harness: Tensor has no method ${name}`);
  return (m as (...a: unknown[]) => unknown).apply(self, args);
}

/** The items of a tuple result: an array, (values, indices) or linalg.inv_ex's (inverse, info). */
function items(v: Value): Value[] | null {
  if (Array.isArray(v)) return v;
  if (v !== null && "indices" in v) return [v.values, v.indices];
  if (v !== null && "info" in v) return [v.inverse, v.info];
  return null;
}

function getItem(v: Value, i: number): Value {
  const all = items(v);
  if (all === null) throw new Error("harness: __getitem__ on a tensor");
  return all[i] as Value;
}

function runCall(c: Call, env: Env): Value {
  const args = (c.args ?? []).map((a) => decode(a, env));
  const kw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs ?? {})) kw[k] = decode(v, env);
  const self = c.self === undefined ? null : (env.get(c.self) as Tensor);
  const go = (): Value => {
    if (c.kind === "backward") {
      (self as Tensor).backward((args[0] as Tensor | null) ?? null, args[1] as boolean | undefined);
      return null;
    }
    if (c.kind === "grad") return (self as Tensor).grad;
    if (c.kind === "set_requires_grad") {
      (self as Tensor).requiresGrad = args[0] as boolean;
      return null;
    }
    if (c.method === "__getitem__")
      return getItem(env.get(c.self as string) ?? null, args[0] as number);
    if (c.fn !== undefined) return callFn(c.fn, args, kw) as Value;
    return callMethod(self as Tensor, c.method as string, args, kw) as Value;
  };
  return c.no_grad ? noGrad(go) : go();
}

function build(spec: InputSpec): Tensor {
  const t = torch.Tensor.fromArray(spec.values.map(num), spec.shape, spec.dtype, target.device);
  if (spec.requires_grad) t.requiresGrad = true;
  return t;
}

async function check(
  actual: Value,
  rec: Rec,
  env: Env,
  inputs: string[],
  where: string,
): Promise<void> {
  if (rec === null) {
    expect(actual, where).toBeNull();
    return;
  }
  if ("tuple" in rec) {
    const got = items(actual) ?? [];
    expect(got.length, `${where}: tuple length`).toBe(rec.tuple.length);
    for (const [i, r] of rec.tuple.entries())
      await check(got[i] ?? null, r, env, inputs, `${where}[${i}]`);
    return;
  }
  const t = actual as Tensor;
  expect(t, `${where}: a tensor`).toBeInstanceOf(torch.Tensor);
  const meta = {
    dtype: t.dtype,
    shape: [...t.shape],
    strides: [...t.strides],
    offset: t.offset,
    contiguous: t.isContiguous(),
    requires_grad: t.requiresGrad,
    is_leaf: t.isLeaf,
    grad_fn: t.gradFn?.name ?? null,
    version: t.version,
    shares:
      inputs.find((n) => {
        const x = env.get(n) as Tensor;
        return x.storage === t.storage && x.numel() > 0;
      }) ?? null,
    base: inputs.find((n) => t.base !== null && t.base === env.get(n)) ?? null,
    identity: inputs.find((n) => env.get(n) === t) ?? null,
  };
  const { values, ...want } = rec;
  // A fresh result's version counter is an implementation detail (the engine may build it in
  // place); it is compared where storage is shared with an input, which is where it matters.
  const fresh = want.shares === null && want.identity === null;
  const diffs = Object.entries(want)
    .filter(([k]) => !(fresh && k === "version") && k !== "values_int32")
    .filter(([k, w]) => JSON.stringify(meta[k as keyof typeof meta]) !== JSON.stringify(w))
    .map(
      ([k, w]) =>
        `${k}: got ${JSON.stringify(meta[k as keyof typeof meta])}, want ${JSON.stringify(w)}`,
    );
  expect(diffs, `${where}: metadata`).toEqual([]);
  const got = Array.from(await target.read(t));
  elementsRead += got.length;
  if (t.dtype === "bool") expect(got.map(Boolean), `${where}: values`).toEqual(values);
  else if (t.dtype === "int64" || t.dtype === "int32") {
    // Compared as held, -0 included: an integer tensor must never hold a negative zero.
    expect(
      got.filter((x) => Object.is(x, -0)),
      `${where}: negative zeros`,
    ).toEqual([]);
    expect(got, `${where}: values`).toEqual(values);
  } else expect(allclose(got, values.map(num), target.close), `${where}: values`).toBeNull();
}

/** Error types whose Python class has another name (torch.linalg.LinAlgError is torch._C's). */
const PY_CLASS: Partial<Record<torch.PyErrorType, string>> = { LinAlgError: "_LinAlgError" };

/** Replays one case on the target and checks it against PyTorch's record. */
export async function runCase(c: Case, on: Target): Promise<Outcome> {
  target = on;
  elementsRead = 0;
  const env: Env = new Map();
  const inputs = Object.keys(c.inputs);
  const exp = c.expect;
  let last: Value = null;
  const lastCall = c.calls[c.calls.length - 1] as Call;
  try {
    // Inside the try: creating an input on a device may itself be refused (float64 on WebGPU).
    for (const n of inputs) env.set(n, build(c.inputs[n] as InputSpec));
    for (const call of c.calls) {
      const v = on.run ? await on.run(() => runCall(call, env)) : runCall(call, env);
      if (call.out !== undefined) env.set(call.out, v);
      if (call.out !== undefined) last = v;
    }
    if (c.weights) {
      const o = env.get(lastCall.out as string) as Tensor;
      const w = build({
        values: c.weights,
        shape: [...o.shape],
        dtype: o.dtype,
        requires_grad: false,
      });
      o.mul(w).sum().backward();
    }
    await target.settle?.();
  } catch (e) {
    if ("error" in exp) {
      const err = e as torch.TorchError;
      expect(err, `threw ${String(e)}`).toBeInstanceOf(torch.TorchError);
      expect(`${PY_CLASS[err.pyType] ?? err.pyType}: ${err.message}`).toBe(
        `${exp.error.type}: ${exp.error.message}`,
      );
      return { elementsRead };
    }
    throw e;
  }
  if ("error" in exp) throw new Error(`expected ${exp.error.type}: ${exp.error.message}`);
  await check(last, exp.result, env, inputs, "result");
  const grads: Record<string, Rec> = {};
  for (const n of inputs) {
    const g = (env.get(n) as Tensor).grad;
    if (g !== null) grads[n] = null;
  }
  expect(Object.keys(grads), "inputs with .grad").toEqual(Object.keys(exp.grads));
  for (const n of Object.keys(exp.grads))
    await check((env.get(n) as Tensor).grad, exp.grads[n] as Rec, env, [], `grad of ${n}`);
  const versions: Record<string, number> = {};
  for (const n of inputs) versions[n] = (env.get(n) as Tensor).version;
  expect(versions, "version counters").toEqual(exp.versions);
  return { elementsRead };
}
