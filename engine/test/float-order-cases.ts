// The cases of fixtures/float-order.json (written by fixtures/gen_float_order.py under PyTorch
// 1.13, AVX2, one thread) made with the engine: inputs rebuilt from the generator's integer hash
// (the fixture holds only cases and results), on the CPU or another device, float64 inputs
// optionally made float32 (for a device without float64). Used by float-order.test.ts (CPU, bit
// for bit) and float-order-webgpu.test.ts (WebGPU, within float32 tolerance).

import { existsSync, readFileSync } from "node:fs";
import { arange, type DeviceType, F, linalg, linspace, Tensor } from "torchlit";

type Step =
  | ["permute", number[]]
  | ["slice", number, number, number, number]
  | ["expand", number[]]
  | ["unsqueeze", number];

interface Input {
  shape: number[];
  dtype: "float32" | "float64";
  seed: number;
  view: Step[];
  /** Elements 1 + x / 64 (in doubles, then rounded to the dtype), before the view steps. */
  near_one?: boolean;
}

export interface Case {
  name: string;
  op:
    | "sum"
    | "sum_float64"
    | "mean"
    | "cumsum"
    | "mse_loss"
    | "exp"
    | "log"
    | "sigmoid"
    | "softmax"
    | "log_softmax"
    | "cross_entropy"
    | "nll_loss"
    | "var"
    | "std"
    | "pow"
    | "prod"
    | "norm"
    | "vector_norm"
    | "linspace"
    | "arange";
  input: Input;
  dim?: number | number[];
  keepdim?: boolean;
  target?: Input;
  reduction?: "mean" | "sum";
  scale?: number;
  target_seed?: number;
  weight_seed?: number;
  ignore_every?: number;
  unbiased?: boolean;
  exponent?: number;
  /** A norm's order; "inf" for infinity (JSON has none). */
  p?: number | "inf";
  positive?: boolean;
  start?: number;
  end?: number;
  steps?: number;
  step?: number;
  dtype?: "float32" | "float64" | "int64";
  out: { shape: number[]; dtype: string; values: number[] };
}

const FIXTURE = new URL("../fixtures/float-order.json", import.meta.url);

/** gen_float_order.py's hashes(): an unsigned 32-bit hash of (seed, i) for each i < n. */
function hashes(seed: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let h = (Math.imul(i, 2654435761) + Math.imul(seed, 40503) + 12345) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 2246822519) >>> 0;
    out.push((h ^ (h >>> 13)) >>> 0);
  }
  return out;
}

/** gen_float_order.py's values(): each hash in [-1, 1) times 2^(i % 7 - 3). */
export function hashValues(seed: number, n: number): Float64Array {
  return Float64Array.from(hashes(seed, n), (h, i) => ((h / 2 ** 32) * 2 - 1) * 2 ** ((i % 7) - 3));
}

export interface Fixture {
  probe: { seed: number; values: number[] };
  cases: Case[];
}

/** The fixture, or null when the file is missing (the tests then fail, saying how to make it). */
export function loadFixture(): Fixture | null {
  if (!existsSync(FIXTURE)) return null;
  const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as Fixture;
  // JSON has no infinities or NaN: the generator writes them as "inf", "-inf", "nan".
  const special: Record<string, number> = { inf: Infinity, "-inf": -Infinity, nan: Number.NaN };
  for (const c of fixture.cases)
    c.out.values = c.out.values.map((v) => (typeof v === "string" ? (special[v] as number) : v));
  return fixture;
}

export const MISSING =
  "engine/fixtures/float-order.json is missing: run /usr/bin/python3 engine/fixtures/gen_float_order.py";

export interface Where {
  device: DeviceType;
  /** Make float64 inputs float32 (a device without float64). */
  single?: boolean;
}

function make(spec: Input, where: Where): Tensor {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const dtype = where.single ? "float32" : spec.dtype;
  let values = hashValues(spec.seed, n);
  if (spec.near_one) values = values.map((v) => 1 + v / 64);
  let t = Tensor.fromArray(values, spec.shape, dtype, where.device);
  for (const step of spec.view) {
    if (step[0] === "permute") t = t.permute(...step[1]);
    else if (step[0] === "slice") t = t.slice(step[1], step[2], step[3], step[4]);
    else if (step[0] === "expand") t = t.expand(...step[1]);
    else t = t.unsqueeze(step[1]);
  }
  return t;
}

/** The case's result, computed where `where` says. */
export function runCase(c: Case, where: Where = { device: "cpu" }): Tensor {
  const x = make(c.input, where);
  const dim = c.dim ?? null;
  const keepdim = c.keepdim ?? false;
  switch (c.op) {
    case "sum":
      return x.sum(dim, keepdim);
    case "sum_float64":
      return x.sum(dim, keepdim, where.single ? "float32" : "float64");
    case "mean":
      return x.mean(dim, keepdim);
    case "cumsum":
      return x.cumsum(c.dim as number);
    case "var":
      return x.var(dim, c.unbiased === false ? 0 : 1, keepdim);
    case "std":
      return x.std(dim, c.unbiased === false ? 0 : 1, keepdim);
    case "exp":
      return x.mul(c.scale ?? 1).exp();
    case "log":
      return x.abs().add(1e-3).log();
    case "sigmoid":
      return x.mul(c.scale ?? 1).sigmoid();
    case "softmax":
      return F.softmax(x.mul(c.scale ?? 1), c.dim as number);
    case "log_softmax":
      return F.log_softmax(x.mul(c.scale ?? 1), c.dim as number);
    case "cross_entropy":
    case "nll_loss": {
      const [n, k] = x.shape as [number, number];
      const t = hashes(c.target_seed as number, n).map((h) => h % k);
      if (c.ignore_every) for (let i = 0; i < n; i += c.ignore_every) t[i] = -100;
      const target = Tensor.fromArray(t, [n], "int64", where.device);
      const w =
        c.weight_seed === undefined
          ? undefined
          : make({ shape: [k], dtype: "float32", seed: c.weight_seed, view: [] }, where).abs();
      const logits = x.mul(c.scale ?? 1);
      const opts = { weight: w, reduction: c.reduction ?? "mean" };
      return c.op === "cross_entropy"
        ? F.cross_entropy(logits, target, opts)
        : F.nll_loss(F.log_softmax(logits, 1), target, opts);
    }
    case "mse_loss":
      return F.mse_loss(x, make(c.target as Input, where), c.reduction);
    case "pow":
      return (c.positive ? x.abs().add(0.01) : x).mul(c.scale ?? 1).pow(c.exponent as number);
    case "prod":
      return c.dim === undefined ? x.prod() : x.prod(c.dim as number, keepdim);
    case "norm":
    case "vector_norm": {
      const p = c.p === "inf" ? Number.POSITIVE_INFINITY : (c.p ?? 2);
      return c.op === "norm"
        ? x.norm(p, dim ?? undefined, keepdim)
        : linalg.vector_norm(x, p, dim, keepdim);
    }
    case "linspace":
    case "arange": {
      const dtype = where.single && c.dtype === "float64" ? "float32" : c.dtype;
      const opts = { dtype, device: where.device };
      return c.op === "linspace"
        ? linspace(c.start as number, c.end as number, c.steps as number, opts)
        : arange(c.start as number, c.end as number, c.step as number, opts);
    }
  }
}

/**
 * For a sum, mean or cumsum case, the same of |x| over the same dims on the CPU, and the count
 * of terms per output: a sum taken in another order can differ from PyTorch's by up to about
 * ceil(log2 n) float32 roundings of that size, however the order is chosen. null for losses.
 */
export function magnitude(c: Case): { abs: number[]; n: number } | null {
  if (!["sum", "sum_float64", "mean", "cumsum"].includes(c.op)) return null;
  const x = make(c.input, { device: "cpu", single: true }).abs();
  const dim = c.dim ?? null;
  const keepdim = c.keepdim ?? false;
  if (c.op === "cumsum") {
    const d = c.dim as number;
    return { abs: Array.from(x.cumsum(d).contiguous().dataSync()), n: x.shape.at(d) as number };
  }
  const y = c.op === "mean" ? x.mean(dim, keepdim) : x.sum(dim, keepdim);
  return { abs: Array.from(y.contiguous().dataSync()), n: x.numel() / Math.max(1, y.numel()) };
}
