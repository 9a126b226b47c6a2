// The cases of fixtures/layout.json (written by fixtures/gen_layout.py under PyTorch 1.13) made
// with the engine: each input rebuilt from its base tensor and view steps, the call made as the
// generator made it, on the CPU or another device. Used by layout.test.ts (CPU) and
// layout-webgpu.test.ts (WebGPU).

import { existsSync, readFileSync } from "node:fs";
import {
  type DeviceType,
  type DType,
  empty_like,
  F,
  manual_seed,
  ones_like,
  rand_like,
  randint_like,
  randn_like,
  Tensor,
  where,
  zeros_like,
} from "torchlit";

type Step =
  | ["t"]
  | ["permute", number[]]
  | ["slice", number, number | null, number | null, number | null]
  | ["expand", number[]]
  | ["unsqueeze", number]
  | ["select", number, number];

export interface InputSpec {
  shape: number[];
  steps: Step[];
  dtype: DType;
}

export interface Described {
  shape: number[];
  stride: number[];
  contiguous: boolean;
  dtype: string;
  values: (number | null)[] | null;
}

export interface LayoutCase {
  name: string;
  call: ["method" | "fn", string];
  inputs: (InputSpec | number)[];
  args: (number | boolean)[];
  kwargs: { keepdim?: boolean };
  values: boolean;
  grad: boolean;
  out: Described & { grad?: Described };
}

const FIXTURE = new URL("../fixtures/layout.json", import.meta.url);

export const MISSING =
  "engine/fixtures/layout.json is missing: run /usr/bin/python3 engine/fixtures/gen_layout.py";

export function loadFixture(): { cases: LayoutCase[] } | null {
  if (!existsSync(FIXTURE)) return null;
  return JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: LayoutCase[] };
}

/** gen_layout.py's base(): element i is ((i * 7) % 11 - 5) / 4 (an integer or its sign). */
function base(spec: InputSpec, device: DeviceType): Tensor {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: n }, (_, i) => ((i * 7) % 11) - 5);
  const vals =
    spec.dtype === "bool"
      ? data.map((v) => (v > 0 ? 1 : 0))
      : spec.dtype === "int64"
        ? data
        : data.map((v) => v / 4);
  return Tensor.fromArray(vals, spec.shape, spec.dtype, device);
}

export function makeInput(spec: InputSpec | number, device: DeviceType): Tensor | number {
  if (typeof spec === "number") return spec;
  let t = base(spec, device);
  for (const step of spec.steps) {
    switch (step[0]) {
      case "t":
        t = t.t();
        break;
      case "permute":
        t = t.permute(...step[1]);
        break;
      case "slice": {
        const [, dim, start, stop, st] = step;
        const idx = Array.from({ length: t.ndim }, (_, d) =>
          d === dim ? { start, stop, step: st } : { start: null, stop: null },
        );
        t = t.index(idx);
        break;
      }
      case "expand":
        t = t.expand(...step[1]);
        break;
      case "unsqueeze":
        t = t.unsqueeze(step[1]);
        break;
      case "select":
        t = t.select(step[1], step[2]);
        break;
    }
  }
  return t;
}

const FUNCTIONS: Record<string, (...xs: (Tensor | number)[]) => Tensor> = {
  zeros_like: (x) => zeros_like(x as Tensor),
  ones_like: (x) => ones_like(x as Tensor),
  empty_like: (x) => empty_like(x as Tensor),
  rand_like: (x) => rand_like(x as Tensor),
  randn_like: (x) => randn_like(x as Tensor),
  randint_like: (x, low, high) => randint_like(x as Tensor, low as number, high as number),
  softmax: (x, d) => F.softmax(x as Tensor, d as number),
  log_softmax: (x, d) => F.log_softmax(x as Tensor, d as number),
  where: (c, x, y) => where(c as Tensor, x as Tensor | number, y as Tensor | number),
};

/** The case's result (and, for a grad case, its first input, a leaf, after sum().backward()). */
export function runCase(c: LayoutCase, device: DeviceType): { y: Tensor; leaf: Tensor | null } {
  manual_seed(0); // for the random *_like draws, as the generator seeds each case
  const xs = c.inputs.map((s) => makeInput(s, device));
  let leaf: Tensor | null = null;
  if (c.grad) {
    leaf = (xs[0] as Tensor).detach().requiresGrad_();
    xs[0] = leaf;
  }
  const [kind, name] = c.call;
  const args = [...xs.slice(kind === "method" ? 1 : 0), ...c.args];
  if (c.kwargs.keepdim !== undefined) args.push(c.kwargs.keepdim);
  let y: Tensor;
  if (kind === "method") {
    const self = xs[0] as unknown as Record<string, (...a: unknown[]) => Tensor>;
    const method = self[name];
    if (method === undefined) throw new Error(`no method ${name}`);
    y = method.apply(self, args);
  } else {
    const fn = FUNCTIONS[name];
    if (fn === undefined) throw new Error(`no function ${name}`);
    y = fn(...(args as (Tensor | number)[]));
  }
  if (c.grad) y.sum().backward();
  return { y, leaf };
}

/** What the fixture records of a result, but its values. */
export const geometry = (t: Tensor) => ({
  shape: [...t.shape],
  stride: [...(t.stride() as readonly number[])],
  contiguous: t.isContiguous(),
  dtype: t.dtype,
});

/** The geometry the fixture recorded for a result, to compare with geometry(result). */
export const recordedGeometry = (want: Described) => ({
  shape: want.shape,
  stride: want.stride,
  contiguous: want.contiguous,
  dtype: want.dtype,
});

/** The values the fixture recorded (null stands for NaN, which JSON cannot hold), or null. */
export const recordedValues = (want: Described): number[] | null =>
  want.values === null ? null : want.values.map((v) => (v === null ? Number.NaN : v));
