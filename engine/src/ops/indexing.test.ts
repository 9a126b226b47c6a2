// Replays engine/fixtures/indexing.json (written by gen_indexing.py under PyTorch 1.13):
// x[...] reads and x[...] = v writes, then the rearranging ops, compared on values, shapes,
// dtypes, storage sharing, version counters, float64 gradients and error texts.
// A missing fixture fails the suite.

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  arange,
  cat,
  concat,
  type DType,
  type IndexSpec,
  measureAllocations,
  stack,
  Tensor,
  TorchError,
  tensor,
  whereNonzero,
  zeros,
} from "../index.ts";

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
interface Case {
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

const FIXTURE = new URL("../../fixtures/indexing.json", import.meta.url);

function loadCases(): Case[] {
  if (!existsSync(FIXTURE)) {
    throw new Error(
      `missing ${FIXTURE.pathname}: run /usr/bin/python3 engine/fixtures/gen_indexing.py`,
    );
  }
  return (JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: Case[] }).cases;
}

const CASES = loadCases();

const decodeDeep = (v: Json): Json => (Array.isArray(v) ? v.map(decodeDeep) : decode(v));

function make(s: TensorSpec): Tensor {
  const n = s.shape.reduce((a, b) => a * b, 1);
  const t =
    s.values !== undefined
      ? tensor(decodeDeep(s.values) as never, { dtype: s.dtype }).reshape(s.shape)
      : arange(n).to(s.dtype).reshape(s.shape);
  return s.t ? t.t() : t;
}

function toSpec(s: Json): IndexSpec {
  if (s === null || typeof s !== "object" || Array.isArray(s)) return s as IndexSpec;
  if ("slice" in s) {
    const [start, stop, step] = s.slice as (number | null)[];
    return { start, stop, step };
  }
  if ("none" in s) return null;
  if ("ellipsis" in s) return "...";
  if ("bool" in s) return s.bool as boolean;
  if ("tensor" in s) return tensor(s.tensor as never, { dtype: s.dtype as DType });
  return s.list as IndexSpec;
}

const decode = (v: Json): Json =>
  v === "nan" ? Number.NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;

function valuesOf(t: Tensor): (number | boolean)[] {
  const flat = Array.from(t.contiguous().dataSync());
  return t.dtype === "bool" ? flat.map((v) => v !== 0) : flat;
}

function expectTensor(t: Tensor, e: Encoded): void {
  expect(t.shape).toEqual(e.shape);
  expect(t.dtype).toBe(e.dtype);
  expect(valuesOf(t)).toEqual(e.values.map(decode));
}

function expectError(fn: () => unknown, e: ErrorSpec): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(TorchError);
  expect((caught as TorchError).pyType).toBe(e.type);
  expect((caught as TorchError).message).toBe(e.msg);
}

/** (y * [1, 2, ..., n]).sum(): a loss whose gradient tells every element apart. */
function weighted(y: Tensor): Tensor {
  const w = arange(y.numel()).to("float64").add(1).reshape(y.shape);
  return y.mul(w).sum();
}

const gradValues = (t: Tensor | null): Json[] | null => (t?.grad ? valuesOf(t.grad) : null);

describe("x[...] (Tensor.index) against PyTorch", () => {
  for (const c of CASES.filter((k) => k.kind === "getitem")) {
    it(`matches PyTorch for ${c.name}`, () => {
      const x = make(c.x);
      const spec = c.spec.map(toSpec);
      if (c.error) {
        expectError(() => x.index(spec), c.error);
        return;
      }
      const { result: y, storages } = measureAllocations(() => x.index(spec));
      expectTensor(y, c.out as Encoded);
      expect(y.storage === x.storage).toBe(c.shares);
      if (c.shares) expect(storages).toBe(0);
      else expect(storages).toBeGreaterThan(0);
      if (c.grad) {
        const leaf = make(c.x).requiresGrad_();
        const yy = leaf.index(spec);
        expect(yy.gradFn?.name ?? null).toBe(c.grad_fn);
        weighted(yy).backward();
        expect(gradValues(leaf)).toEqual(c.grad);
      }
    });
  }
});

/** A setitem value: a scalar, a tensor spec, or {self_slice} for a slice of the target itself. */
function valueArg(v: Case["value"], x: Tensor): Tensor | number | boolean {
  if (typeof v !== "object") return v as number | boolean;
  const own = (v as { self_slice?: (number | null)[] }).self_slice;
  if (own) return x.index([{ start: own[0] ?? null, stop: own[1] ?? null }]);
  return make(v);
}

describe("x[...] = v (Tensor.indexPut_) against PyTorch", () => {
  for (const c of CASES.filter((k) => k.kind === "setitem")) {
    it(`matches PyTorch for ${c.name}`, () => {
      const x = make(c.x);
      const spec = c.spec.map(toSpec);
      if (c.error) {
        expectError(() => x.indexPut_(spec, valueArg(c.value, x)), c.error);
        return;
      }
      const storage = x.storage;
      const before = x.version;
      expect(x.indexPut_(spec, valueArg(c.value, x))).toBe(x);
      expectTensor(x, c.out as Encoded);
      expect(x.storage).toBe(storage);
      expect(x.version - before).toBe(c.version);
      if (c.grad) {
        const leaf = make(c.x).requiresGrad_();
        const v = valueArg(c.value, leaf);
        const vl = v instanceof Tensor ? v.requiresGrad_() : v;
        const y = leaf.mul(1);
        y.indexPut_(spec, vl);
        expect(y.gradFn?.name).toBe(c.grad_fn);
        weighted(y).backward();
        expect(gradValues(leaf)).toEqual(c.grad);
        if (c.value_grad) expect(gradValues(vl as Tensor)).toEqual(c.value_grad);
      }
    });
  }

  it("refuses to write into a view of a leaf that requires grad", () => {
    const c = CASES.find((k) => k.kind === "error") as Case;
    const x = zeros([3]).requiresGrad_();
    expectError(() => x.indexPut_([0], 1), c.error as ErrorSpec);
  });
});

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

describe("indexing and rearranging ops against PyTorch", () => {
  for (const c of CASES.filter((k) => k.kind === "call")) {
    it(`matches PyTorch for ${c.name}`, () => {
      const op = OPS[c.op];
      if (!op) throw new Error(`no op ${c.op}`);
      const inputs = c.inputs.map(make);
      if (c.error) {
        expectError(() => op(inputs, c.args), c.error);
        return;
      }
      const outs = outputs(op(inputs, c.args));
      expect(outs.length).toBe(c.outs?.length);
      outs.forEach((o, i) => {
        expectTensor(o, (c.outs as Encoded[])[i] as Encoded);
      });
      if (c.grads) {
        const leaves = c.inputs.map((s) => {
          const t = make(s);
          return t.dtype === "float64" ? t.requiresGrad_() : t;
        });
        const tracked = outputs(op(leaves, c.args)).filter((o) => o.requiresGrad);
        expect(tracked[0]?.gradFn?.name).toBe(c.grad_fn);
        tracked
          .map(weighted)
          .reduce((a, b) => a.add(b))
          .backward();
        expect(leaves.map((l) => (l.requiresGrad ? gradValues(l) : null))).toEqual(c.grads);
      }
    });
  }
});
