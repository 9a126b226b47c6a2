// The indexing harness shared by the CPU and WebGPU suites: replays engine/fixtures/indexing.json
// (written by gen_indexing.py under PyTorch 1.13) — x[...] reads, x[...] = v writes, then the
// ops that rearrange data — on a given device, comparing values, shapes, dtypes, storage
// sharing, version counters, gradients, grad_fn names and error texts.
// src/ops/indexing.test.ts runs it on the CPU, test/indexing-webgpu.test.ts on WebGPU. A
// missing fixture fails both.

import { existsSync, readFileSync } from "node:fs";
import {
  arange,
  cat,
  concat,
  type DeviceType,
  type DType,
  type IndexSpec,
  measureAllocations,
  stack,
  Tensor,
  TorchError,
  tensor,
  whereNonzero,
  zeros,
} from "torchlit";
import { isClose } from "torchlit/testing";
import { expect } from "vitest";

type Json = number | boolean | string | null | Json[] | { [k: string]: Json };
interface TensorSpec {
  shape: number[];
  dtype: DType;
  values?: Json;
  /** Use the transpose (a non-contiguous tensor). */
  t?: boolean;
}
interface Encoded {
  shape: number[];
  dtype: DType;
  values: Json[];
}
interface ErrorSpec {
  type: string;
  msg: string;
}
export interface Case {
  kind: "getitem" | "setitem" | "call" | "error";
  name: string;
  x: TensorSpec;
  spec: Json[];
  value?: TensorSpec | number | boolean;
  op: string;
  inputs: TensorSpec[];
  args: Record<string, Json>;
  out?: Encoded;
  outs?: Encoded[];
  shares?: boolean;
  version?: number;
  same_ptr?: boolean;
  grad_fn?: string | null;
  grad?: Json[];
  value_grad?: Json[];
  grads?: (Json[] | null)[];
  error?: ErrorSpec;
}

const FIXTURE = new URL("../fixtures/indexing.json", import.meta.url);

/** The fixture's cases; throws with the command that writes it when it is missing. */
export function loadIndexCases(): Case[] {
  if (!existsSync(FIXTURE)) {
    throw new Error(
      "engine/fixtures/indexing.json is missing: run /usr/bin/python3 engine/fixtures/gen_indexing.py",
    );
  }
  return (JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: Case[] }).cases;
}

/** Where cases replay and how results come back. */
export interface IndexTarget {
  device: DeviceType;
  /** The dtype the device computes a fixture dtype in (WebGPU has no float64). */
  dtype: (d: DType) => DType;
  /** Reads a tensor's values. */
  read: (t: Tensor) => Promise<ArrayLike<number>>;
  /** Runs one step; a GPU target answers the host reads it needs (nonzero, masks, checks). */
  run: <T>(fn: () => T) => Promise<T>;
  /** Waits for the device and raises what its kernels flagged (a bad index). */
  settle: () => Promise<void>;
  /** Float tolerance; exact when absent. */
  close?: { rtol: number; atol: number };
  /**
   * "any": an unstable sort or topk may order equal values differently from PyTorch's CPU (so
   * does PyTorch on CUDA; the order of ties is unspecified). Where the input has ties, the
   * indices are then checked for what they must be instead: distinct along the dim, and picking
   * exactly PyTorch's values; a gradient must be the one those indices route.
   */
  ties?: "pytorch" | "any";
}

export const cpuTarget: IndexTarget = {
  device: "cpu",
  dtype: (d) => d,
  read: async (t) => t.dataSync(),
  run: async (fn) => fn(),
  settle: async () => {},
};

const decode = (v: Json): Json =>
  v === "nan" ? Number.NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;
const decodeDeep = (v: Json): Json => (Array.isArray(v) ? v.map(decodeDeep) : decode(v));

/** A fixture tensor on the target: built on the CPU, converted, moved, then transposed. */
function make(s: TensorSpec, on: IndexTarget): Tensor {
  const n = s.shape.reduce((a, b) => a * b, 1);
  const t =
    s.values !== undefined
      ? tensor(decodeDeep(s.values) as never, { dtype: s.dtype }).reshape(s.shape)
      : arange(n).to(s.dtype).reshape(s.shape);
  const moved = t.to(on.dtype(s.dtype)).to(on.device);
  return s.t ? moved.t() : moved;
}

function toSpec(s: Json, on: IndexTarget): IndexSpec {
  if (s === null || typeof s !== "object" || Array.isArray(s)) return s as IndexSpec;
  if ("slice" in s) {
    const [start, stop, step] = s.slice as (number | null)[];
    return { start, stop, step };
  }
  if ("none" in s) return null;
  if ("ellipsis" in s) return "...";
  if ("bool" in s) return s.bool as boolean;
  if ("tensor" in s) return tensor(s.tensor as never, { dtype: s.dtype as DType }).to(on.device);
  return s.list as IndexSpec;
}

async function valuesOf(t: Tensor, on: IndexTarget): Promise<(number | boolean)[]> {
  const flat = Array.from(await on.read(t.contiguous()));
  return t.dtype === "bool" ? flat.map((v) => v !== 0) : flat;
}

/** Values equal: exactly, or for floats within the target's tolerance (NaN matching NaN). */
function expectValues(
  got: (number | boolean)[],
  want: Json[],
  dtype: DType,
  on: IndexTarget,
  where: string,
): void {
  const w = want.map(decode) as (number | boolean)[];
  const floating = dtype === "float32" || dtype === "float64";
  if (!floating || on.close === undefined) {
    expect(got, where).toEqual(w);
    return;
  }
  expect(got.length, `${where}: length`).toBe(w.length);
  const bad = got.findIndex((g, i) => !isClose(g as number, w[i] as number, on.close));
  expect(bad, `${where}: element ${bad} is ${got[bad]}, PyTorch has ${w[bad]}`).toBe(-1);
}

async function expectTensor(
  t: Tensor,
  e: Encoded,
  on: IndexTarget,
  where = "value",
): Promise<void> {
  expect(t.shape, `${where}: shape`).toEqual(e.shape);
  expect(t.dtype, `${where}: dtype`).toBe(on.dtype(e.dtype));
  expect(t.device.split(":")[0], `${where}: device`).toBe(on.device);
  expectValues(await valuesOf(t, on), e.values, e.dtype, on, where);
}

async function expectError(fn: () => unknown, e: ErrorSpec, on: IndexTarget): Promise<void> {
  let caught: unknown = null;
  try {
    await on.run(fn);
    await on.settle();
  } catch (err) {
    caught = err;
  }
  expect(caught, "PyTorch raises here").toBeInstanceOf(TorchError);
  expect(`${(caught as TorchError).pyType}: ${(caught as TorchError).message}`).toBe(
    `${e.type}: ${e.msg}`,
  );
}

/** (y * [1, 2, ..., n]).sum(): a loss whose gradient tells every element apart. */
function weighted(y: Tensor): Tensor {
  const w = arange(y.numel()).to(y.dtype).add(1).reshape(y.shape).to(y.deviceType);
  return y.mul(w).sum();
}

async function expectGrad(
  t: Tensor | null,
  want: Json[] | null,
  on: IndexTarget,
  where: string,
): Promise<void> {
  const g = t?.grad ?? null;
  if (want === null || g === null) {
    expect(g === null ? null : "a gradient", where).toEqual(want === null ? null : "a gradient");
    return;
  }
  expectValues(await valuesOf(g, on), want, g.dtype, on, where);
}

/** A setitem value: a scalar, a tensor spec, or {self_slice} for a slice of the target itself. */
function valueArg(v: Case["value"], x: Tensor, on: IndexTarget): Tensor | number | boolean {
  if (typeof v !== "object") return v as number | boolean;
  const own = (v as { self_slice?: (number | null)[] }).self_slice;
  if (own) return x.index([{ start: own[0] ?? null, stop: own[1] ?? null }]);
  return make(v, on);
}

type Out = Tensor | readonly Tensor[] | { values: Tensor; indices: Tensor };
type Args = Record<string, Json>;
const num = (a: Args, k: string): number => a[k] as number;

const OPS: Record<string, (t: Tensor[], a: Args) => Out> = {
  index_select: (t, a) => (t[0] as Tensor).index_select(num(a, "dim"), t[1] as Tensor),
  index_fill: (t, a) => (t[0] as Tensor).index_fill(num(a, "dim"), t[1] as Tensor, num(a, "value")),
  index_add: (t, a) =>
    (t[0] as Tensor).index_add(num(a, "dim"), t[1] as Tensor, t[2] as Tensor, num(a, "alpha")),
  masked_scatter: (t) => (t[0] as Tensor).masked_scatter(t[1] as Tensor, (t[2] as Tensor).add(1)),
  masked_select: (t) => (t[0] as Tensor).masked_select(t[1] as Tensor),
  nonzero: (t, a) =>
    a.as_tuple ? (t[0] as Tensor).nonzero({ asTuple: true }) : (t[0] as Tensor).nonzero(),
  where1: (t) => whereNonzero(t[0] as Tensor),
  take: (t) => (t[0] as Tensor).take(t[1] as Tensor),
  index_put: (t, a) =>
    (t[0] as Tensor).index_put([t[1] as Tensor], t[2] as Tensor, a.accumulate as boolean),
  cat: (t, a) => cat(t, num(a, "dim")),
  cat_same: (t, a) => cat([t[0] as Tensor, t[0] as Tensor], num(a, "dim")),
  concat: (t, a) => concat(t, num(a, "dim")),
  stack: (t, a) => stack(t, num(a, "dim")),
  sort: (t, a) =>
    (t[0] as Tensor).sort(
      num(a, "dim"),
      a.descending as boolean,
      (a.stable as boolean | undefined) ?? null,
    ),
  argsort: (t, a) => (t[0] as Tensor).argsort(num(a, "dim"), a.descending as boolean),
  topk: (t, a) =>
    (t[0] as Tensor).topk(num(a, "k"), num(a, "dim"), a.largest as boolean, a.sorted as boolean),
  flip: (t, a) => (t[0] as Tensor).flip(a.dims as number[]),
  repeat: (t, a) => (t[0] as Tensor).repeat(a.repeats as number[]),
  roll: (t, a) => (t[0] as Tensor).roll(a.shifts as number[], a.dims as number[] | null),
  tril: (t, a) => (t[0] as Tensor).tril(num(a, "diagonal")),
  triu: (t, a) => (t[0] as Tensor).triu(num(a, "diagonal")),
  unique: (t) =>
    (t[0] as Tensor).unique({ sorted: true, returnInverse: true, returnCounts: true }) as Tensor[],
};

function outputs(r: Out): Tensor[] {
  if (r instanceof Tensor) return [r];
  if (Array.isArray(r)) return [...r];
  const v = r as { values: Tensor; indices: Tensor };
  return [v.values, v.indices];
}

/** x[spec], its storage sharing and, where recorded, its grad_fn and gradient. */
async function getitem(c: Case, on: IndexTarget): Promise<void> {
  const x = make(c.x, on);
  const spec = c.spec.map((s) => toSpec(s, on));
  if (c.error) return expectError(() => x.index(spec), c.error, on);
  const { result: y, storages } = await on.run(() => measureAllocations(() => x.index(spec)));
  await on.settle();
  await expectTensor(y, c.out as Encoded, on);
  expect(y.storage === x.storage, "shares the input's storage").toBe(c.shares);
  if (c.shares) expect(storages, "a view allocates nothing").toBe(0);
  else expect(storages, "a copy allocates").toBeGreaterThan(0);
  if (c.grad) {
    const leaf = make(c.x, on).requiresGrad_();
    const yy = await on.run(() => leaf.index(spec));
    expect(yy.gradFn?.name ?? null, "grad_fn").toBe(c.grad_fn);
    await on.run(() => weighted(yy).backward());
    await expectGrad(leaf, c.grad, on, "gradient");
  }
}

/** x[spec] = value in place: values, storage kept, version counter and gradients. */
async function setitem(c: Case, on: IndexTarget): Promise<void> {
  const x = make(c.x, on);
  const spec = c.spec.map((s) => toSpec(s, on));
  if (c.error) return expectError(() => x.indexPut_(spec, valueArg(c.value, x, on)), c.error, on);
  const storage = x.storage;
  const before = x.version;
  const r = await on.run(() => x.indexPut_(spec, valueArg(c.value, x, on)));
  await on.settle();
  expect(r, "returns self").toBe(x);
  await expectTensor(x, c.out as Encoded, on);
  expect(x.storage, "writes in place").toBe(storage);
  expect(x.version - before, "version counter").toBe(c.version);
  if (c.grad) {
    const leaf = make(c.x, on).requiresGrad_();
    const v = valueArg(c.value, leaf, on);
    const vl = v instanceof Tensor ? v.requiresGrad_() : v;
    const y = leaf.mul(1);
    await on.run(() => y.indexPut_(spec, vl));
    expect(y.gradFn?.name, "grad_fn").toBe(c.grad_fn);
    await on.run(() => weighted(y).backward());
    await expectGrad(leaf, c.grad, on, "gradient");
    if (c.value_grad) await expectGrad(vl as Tensor, c.value_grad, on, "value's gradient");
  }
}

/** Whether a sort-like case's order of equal values is left to the device (see `ties`). */
export function tiesInAnyOrder(c: Case, on: IndexTarget): boolean {
  if (on.ties !== "any" || !["sort", "argsort", "topk"].includes(c.op) || c.args.stable === true)
    return false;
  const flat = (v: Json): Json[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
  const spec = c.inputs[0] as TensorSpec;
  const values = spec.values === undefined ? [] : flat(spec.values).map(String);
  return new Set(values).size < values.length;
}

/**
 * A sort's, argsort's or topk's indices where ties may fall in any order: distinct along the
 * dim, and gathering from the input exactly the values PyTorch's indices gather.
 */
async function expectTieIndices(
  c: Case,
  got: Tensor,
  want: Encoded,
  on: IndexTarget,
): Promise<void> {
  expect(got.shape, "indices: shape").toEqual(want.shape);
  expect(got.dtype, "indices: dtype").toBe(want.dtype);
  const dim =
    (c.args.dim as number) < 0
      ? (c.args.dim as number) + want.shape.length
      : (c.args.dim as number);
  const x = make(c.inputs[0] as TensorSpec, cpuTarget);
  const idx = tensor(Array.from(await on.read(got.contiguous())), { dtype: "int64" }).reshape(
    want.shape,
  );
  const ref = tensor(want.values as number[], { dtype: "int64" }).reshape(want.shape);
  const picked = (i: Tensor) => Array.from(x.gather(dim, i).dataSync());
  expect(picked(idx), "the indices pick PyTorch's values").toEqual(picked(ref));
  const rows = idx.transpose(dim, -1).contiguous();
  const n = rows.shape.at(-1) ?? 1;
  const flat = Array.from(rows.dataSync());
  for (let r = 0; r < flat.length; r += n)
    expect(new Set(flat.slice(r, r + n)).size, `indices distinct along dim ${dim}`).toBe(n);
}

/** One rearranging op: every output and, where recorded, the inputs' gradients. */
async function call(c: Case, on: IndexTarget): Promise<void> {
  const op = OPS[c.op];
  if (!op) throw new Error(`harness: no op ${c.op}`);
  if (tiesInAnyOrder(c, on)) return sortWithTies(c, op, on);
  const inputs = c.inputs.map((s) => make(s, on));
  if (c.error) return expectError(() => op(inputs, c.args), c.error, on);
  const outs = outputs(await on.run(() => op(inputs, c.args)));
  await on.settle();
  expect(outs.length, "outputs").toBe(c.outs?.length);
  for (const [i, o] of outs.entries())
    await expectTensor(o, (c.outs as Encoded[])[i] as Encoded, on, `output ${i}`);
  if (c.grads) {
    const leaves = c.inputs.map((s) => {
      const t = make(s, on);
      return s.dtype === "float64" ? t.requiresGrad_() : t;
    });
    const tracked = outputs(await on.run(() => op(leaves, c.args))).filter((o) => o.requiresGrad);
    expect(tracked[0]?.gradFn?.name, "grad_fn").toBe(c.grad_fn);
    await on.run(() =>
      tracked
        .map(weighted)
        .reduce((a, b) => a.add(b))
        .backward(),
    );
    for (const [i, l] of leaves.entries())
      await expectGrad(l.requiresGrad ? l : null, c.grads[i] ?? null, on, `gradient of input ${i}`);
  }
}

/** An unstable sort, argsort or topk of an input with ties, on a target that orders them its way. */
async function sortWithTies(
  c: Case,
  op: (t: Tensor[], a: Args) => Out,
  on: IndexTarget,
): Promise<void> {
  const leaf = make(c.inputs[0] as TensorSpec, on);
  const tracks = c.grads !== undefined && leaf.dtype.startsWith("float");
  if (tracks) leaf.requiresGrad_();
  const outs = outputs(await on.run(() => op([leaf], c.args)));
  await on.settle();
  const want = c.outs as Encoded[];
  expect(outs.length, "outputs").toBe(want.length);
  // argsort has only the indices; sort and topk give (values, indices).
  const indices = outs.length - 1;
  for (const [i, o] of outs.entries()) {
    if (i === indices) await expectTieIndices(c, o, want[i] as Encoded, on);
    else await expectTensor(o.detach(), want[i] as Encoded, on, `output ${i}`);
  }
  if (!tracks) return;
  const values = outs[0] as Tensor;
  expect(values.gradFn?.name, "grad_fn").toBe(c.grad_fn);
  await on.run(() => weighted(values).backward());
  // The gradient the device's own indices route: each weight lands where its value came from.
  const dim = c.args.dim as number;
  const idx = tensor(Array.from(await on.read((outs[indices] as Tensor).contiguous())), {
    dtype: "int64",
  }).reshape(values.shape);
  const w = arange(values.numel()).to(leaf.dtype).add(1).reshape(values.shape);
  const routed = zeros(leaf.shape, { dtype: leaf.dtype }).scatter_add(dim, idx, w);
  await expectGrad(leaf, Array.from(routed.dataSync()), on, "gradient");
}

/** Replays one case of indexing.json on the target. */
export async function replayIndexCase(c: Case, on: IndexTarget): Promise<void> {
  if (c.kind === "getitem") return getitem(c, on);
  if (c.kind === "setitem") return setitem(c, on);
  if (c.kind === "call") return call(c, on);
  // The one "error" case: writing into a view of a leaf that requires grad.
  const x = zeros([3], { device: on.device }).requiresGrad_();
  return expectError(() => x.indexPut_([0], 1), c.error as ErrorSpec, on);
}
