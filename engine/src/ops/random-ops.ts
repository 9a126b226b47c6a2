// Random tensors with PyTorch's names: torch.manual_seed / initial_seed / seed, Generator,
// rand/randn/randint/randperm/normal and their *_like forms, and the in-place fills
// uniform_/normal_/random_/bernoulli_/exponential_, and multinomial. Every draw comes from engine/src/random, filled on
// the CPU in row-major order and uploaded, so values equal PyTorch's for the same seed.
// This file does no arithmetic of its own beyond PyTorch's tensor-mean/std composition.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import type { DeviceType } from "../backend/storage.ts";
import { type DType, getDefaultDtype, isFloating } from "../core/dtype.ts";
import { runtimeError, typeError } from "../core/errors.ts";
import { slowestFirst } from "../core/layout.ts";
import { broadcastShapes } from "../core/shape.ts";
import {
  defaultGenerator as defaultImpl,
  bernoulli_ as fillBernoulli,
  exponential_ as fillExponential,
  normal_ as fillNormal,
  random_ as fillRandom,
  uniform_ as fillUniform,
  Generator as GeneratorImpl,
  type GeneratorState,
  type RandomTarget,
  randomFromTo_,
  randperm as randpermDraw,
  uniformFloat64,
} from "../random/index.ts";
import { Tensor } from "../tensor.ts";
import { emptyLike } from "./copy.ts";
import { checkInPlaceAllowed, permuteView } from "./helpers.ts";
import { type ShapeArg, shapeArgs } from "./views.ts";

/** `torch.Generator`: PyTorch's method names over the random module's CPU generator. */
export class Generator {
  readonly impl: GeneratorImpl;
  readonly device = "cpu";
  constructor(impl: GeneratorImpl = new GeneratorImpl()) {
    this.impl = impl;
  }
  manual_seed(seed: number | bigint): this {
    this.impl.manualSeed(seed);
    return this;
  }
  initial_seed(): bigint {
    return this.impl.initialSeed();
  }
  seed(): bigint {
    return this.impl.seed();
  }
  get_state(): GeneratorState {
    return this.impl.getState();
  }
  set_state(state: GeneratorState): this {
    this.impl.setState(state);
    return this;
  }
}

/** `torch.default_generator`: the process-wide generator every call without generator= uses. */
export const default_generator = new Generator(defaultImpl);

/** `torch.manual_seed(seed)`: reseeds the default generator and returns it. */
export function manual_seed(seed: number | bigint): Generator {
  return default_generator.manual_seed(seed);
}
/** `torch.initial_seed()`: the seed the default generator was last seeded with. */
export const initial_seed = (): bigint => default_generator.initial_seed();
/** `torch.seed()`: reseeds the default generator non-deterministically, returns the seed. */
export const seed = (): bigint => default_generator.seed();

export interface RandomOptions {
  dtype?: DType;
  device?: DeviceType;
  requiresGrad?: boolean;
  generator?: Generator | null;
}

const genOf = (opts?: { generator?: Generator | null }): GeneratorImpl =>
  opts?.generator?.impl ?? defaultImpl;

type HostArray = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array;

function hostFor(dtype: DType, n: number): HostArray {
  switch (dtype) {
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "int32":
      return new Int32Array(n);
    case "bool":
      return new Uint8Array(n);
    default: {
      const never: never = dtype;
      throw runtimeError(`unknown dtype ${String(never)}`);
    }
  }
}

/**
 * Draws t.numel() values into a host array (row-major order, which is PyTorch's order for a
 * contiguous tensor) and writes them into t on its device. Bumps t's version.
 */
function fillWith(t: Tensor, draw: (host: HostArray) => void): Tensor {
  const host = hostFor(t.dtype, t.numel());
  try {
    draw(host);
  } catch (e) {
    // The random module reports bad bounds as RangeError with PyTorch's text.
    if (e instanceof RangeError) throw runtimeError(e.message);
    throw e;
  }
  const values =
    host instanceof BigInt64Array
      ? Float64Array.from(host, (v) => Number(v))
      : (host as ArrayLike<number>);
  // PyTorch fills a strided tensor in its iteration order: memory order (fastest stride last).
  const order = t.isContiguous() ? null : slowestFirst(t.strides);
  const shape = order === null ? t.shape : order.map((d) => t.shape[d] as number);
  const src = Tensor.fromArray(values, shape, t.dtype, t.deviceType);
  t.storage.backend.copy(src.v(), permuteView(t.v(), order));
  src.dispose();
  t.bumpVersion();
  return t;
}

function floatHost(host: HostArray, what: string, dtype: DType): Float32Array | Float64Array {
  if (host instanceof Float32Array || host instanceof Float64Array) return host;
  throw runtimeError(`"${what}" not implemented for '${dtypeTitle(dtype)}'`);
}

function dtypeTitle(d: DType): string {
  return { float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" }[d];
}

/** Runs an in-place fill with PyTorch's leaf/in-place checks; random fills are not differentiable. */
function fillInPlace(t: Tensor, draw: (host: HostArray) => void): Tensor {
  checkInPlaceAllowed(t);
  return noGrad(() => fillWith(t, draw));
}

declare module "../tensor.ts" {
  interface Tensor {
    uniform_(from?: number, to?: number, generator?: Generator | null): Tensor;
    normal_(mean?: number, std?: number, generator?: Generator | null): Tensor;
    random_(from?: number, to?: number | null, generator?: Generator | null): Tensor;
    bernoulli_(p?: number, generator?: Generator | null): Tensor;
    exponential_(lambd?: number, generator?: Generator | null): Tensor;
    multinomial(numSamples: number, replacement?: boolean, generator?: Generator | null): Tensor;
  }
}

Tensor.prototype.uniform_ = function (this: Tensor, from = 0, to = 1, generator = null) {
  const gen = genOf({ generator });
  return fillInPlace(this, (h) =>
    fillUniform(floatHost(h, "check_uniform_bounds", this.dtype), from, to, gen),
  );
};

Tensor.prototype.normal_ = function (this: Tensor, mean = 0, std = 1, generator = null) {
  const gen = genOf({ generator });
  const contiguous = this.isContiguous();
  return fillInPlace(this, (h) =>
    fillNormal(floatHost(h, "normal_kernel_cpu", this.dtype), mean, std, gen, contiguous),
  );
};

/** random_() draws the dtype's full range, random_(to) [0, to), random_(from, to) [from, to). */
Tensor.prototype.random_ = function (
  this: Tensor,
  from?: number,
  to?: number | null,
  generator = null,
) {
  const gen = genOf({ generator });
  return fillInPlace(this, (h) => {
    if (from === undefined) fillRandom(h as RandomTarget, gen);
    else if (to === undefined) randomFromTo_(h as RandomTarget, 0, from, gen);
    else randomFromTo_(h as RandomTarget, from, to, gen);
  });
};

Tensor.prototype.bernoulli_ = function (this: Tensor, p = 0.5, generator = null) {
  const gen = genOf({ generator });
  return fillInPlace(this, (h) => {
    if (h instanceof Float32Array || h instanceof Float64Array) fillBernoulli(h, p, gen);
    else {
      const tmp = fillBernoulli(new Float64Array(h.length), p, gen);
      for (let i = 0; i < h.length; i++)
        h[i] = (h instanceof BigInt64Array ? BigInt(tmp[i] as number) : tmp[i]) as never;
    }
  });
};

Tensor.prototype.exponential_ = function (this: Tensor, lambd = 1, generator = null) {
  const gen = genOf({ generator });
  if (!(lambd >= 0))
    throw runtimeError(`exponential_ expects lambda >= 0.0, but found lambda=${lambd}`);
  return fillInPlace(this, (h) =>
    fillExponential(floatHost(h, "exponential_cpu", this.dtype), lambd, gen),
  );
};

Tensor.prototype.multinomial = function (
  this: Tensor,
  numSamples: number,
  replacement = false,
  generator = null,
) {
  return multinomial(this, numSamples, replacement, { generator });
};

/**
 * `torch.multinomial(input, num_samples, replacement=False)`: int64 category indices per row
 * of a 1-D or 2-D tensor of non-negative weights, drawn as PyTorch 1.13's CPU does. Without
 * replacement: q ~ Exp(1) per weight (exponential_), then the top num_samples of input / q
 * (argmax for one). With replacement (even for one sample, unlike later PyTorch versions): per row, the float cumulative
 * sum of the weights divided by their sum (last entry set to 1), and for each sample a 53-bit
 * uniform u placed by binary search at the first entry not below u. Values are read (and
 * checked) before anything is drawn.
 */
export function multinomial(
  input: Tensor,
  numSamples: number,
  replacement = false,
  opts?: { generator?: Generator | null },
): Tensor {
  if (input.ndim < 1 || input.ndim > 2) throw runtimeError("prob_dist must be 1 or 2 dim");
  if (!isFloating(input.dtype)) {
    throw runtimeError(
      `multinomial only supports floating-point dtypes for input, got: ${dtypeTitle(input.dtype)}`,
    );
  }
  if (!(numSamples > 0)) throw runtimeError("cannot sample n_sample <= 0 samples");
  const cats = input.shape[input.ndim - 1] as number;
  if (!replacement && numSamples > cats) {
    throw runtimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  }
  if (cats > 2 ** 24) throw runtimeError("number of categories cannot exceed 2^24");
  const rows = input.ndim === 2 ? (input.shape[0] as number) : 1;
  const w = input.detach().contiguous().dataSync();
  const gen = genOf(opts);
  const outShape = input.ndim === 2 ? [rows, numSamples] : [numSamples];
  if (!replacement) {
    for (let i = 0; i < w.length; i++) {
      const v = w[i] as number;
      if (!(v >= 0 && v < Number.POSITIVE_INFINITY))
        throw runtimeError("probability tensor contains either `inf`, `nan` or element < 0");
    }
    for (let r = 0; r < rows; r++) {
      let any = false;
      for (let j = 0; j < cats && !any; j++) any = (w[r * cats + j] as number) !== 0;
      if (!any) throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
    }
    return noGrad(() => {
      const x = input.detach();
      const q = Tensor.empty(x.shape, x.dtype, x.deviceType).exponential_(1, opts?.generator);
      const ratio = x.div(q);
      if (numSamples === 1) return ratio.argmax(-1, true);
      return ratio.topk(numSamples).indices;
    });
  }
  const single = input.dtype === "float32";
  const r32 = single ? Math.fround : (v: number) => v;
  const cum = new Float64Array(cats);
  const out = new Float64Array(rows * numSamples);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = 0; j < cats; j++) {
      const v = w[r * cats + j] as number;
      if (!(v >= 0))
        throw runtimeError("invalid multinomial distribution (encountering probability entry < 0)");
      if (v === Number.POSITIVE_INFINITY) {
        throw runtimeError(
          "invalid multinomial distribution (encountering probability entry = infinity or NaN)",
        );
      }
      sum = r32(sum + v);
      cum[j] = sum;
    }
    if (!(sum > 0))
      throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
    for (let j = 0; j < cats; j++) cum[j] = r32((cum[j] as number) / sum);
    cum[cats - 1] = 1;
    for (let k = 0; k < numSamples; k++) {
      const u = uniformFloat64(gen);
      let lo = 0;
      let hi = cats;
      while (hi - lo > 0) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if ((cum[mid] as number) < u) lo = mid + 1;
        else hi = mid;
      }
      out[r * numSamples + k] = lo;
    }
  }
  return Tensor.fromArray(out, outShape, "int64", input.deviceType);
}

/** A tensor to draw into: row-major, or laid out like `like` (a *_like's preserve_format). */
function fresh(
  shape: readonly number[],
  dtype: DType,
  opts: RandomOptions | undefined,
  like?: Tensor,
): Tensor {
  const device = opts?.device ?? "cpu";
  return like ? emptyLike(like, dtype, device) : Tensor.empty(shape, dtype, device);
}

function finish(t: Tensor, opts: RandomOptions | undefined): Tensor {
  if (opts?.requiresGrad) t.requiresGrad = true;
  return t;
}

function floatDtype(opts: RandomOptions | undefined, fn: string): DType {
  const d = opts?.dtype ?? getDefaultDtype();
  if (!isFloating(d)) {
    throw runtimeError(
      `"${fn === "rand" ? "check_uniform_bounds" : "normal_kernel_cpu"}" not implemented for '${dtypeTitle(d)}'`,
    );
  }
  return d;
}

/** `torch.rand(*size)`: uniform on [0, 1). */
export function rand(shape: ShapeArg[] | readonly number[], opts?: RandomOptions): Tensor {
  return drawUniform(shapeArgs(shape as ShapeArg[]), opts);
}

function drawUniform(shape: readonly number[], opts?: RandomOptions, like?: Tensor): Tensor {
  const t = fresh(shape, floatDtype(opts, "rand"), opts, like);
  return finish(
    noGrad(() => t.uniform_(0, 1, opts?.generator ?? null)),
    opts,
  );
}

/** `torch.randn(*size)`: standard normal. */
export function randn(shape: ShapeArg[] | readonly number[], opts?: RandomOptions): Tensor {
  return drawNormal(shapeArgs(shape as ShapeArg[]), opts);
}

function drawNormal(shape: readonly number[], opts?: RandomOptions, like?: Tensor): Tensor {
  const t = fresh(shape, floatDtype(opts, "randn"), opts, like);
  return finish(
    noGrad(() => t.normal_(0, 1, opts?.generator ?? null)),
    opts,
  );
}

/** `torch.randint(low=0, high, size)`: int64 by default, values in [low, high). */
export function randint(high: number, size: readonly number[], opts?: RandomOptions): Tensor;
export function randint(
  low: number,
  high: number,
  size: readonly number[],
  opts?: RandomOptions,
): Tensor;
export function randint(
  a: number,
  b: number | readonly number[],
  c?: readonly number[] | RandomOptions,
  d?: RandomOptions,
): Tensor {
  const [low, high, size, opts] =
    typeof b === "number"
      ? [a, b, c as readonly number[], d]
      : [0, a, b, c as RandomOptions | undefined];
  return drawInt(low, high, size, opts);
}

function drawInt(
  low: number,
  high: number,
  size: readonly number[],
  opts?: RandomOptions,
  like?: Tensor,
): Tensor {
  const t = fresh(size, opts?.dtype ?? "int64", opts, like);
  return finish(
    noGrad(() => t.random_(low, high, opts?.generator ?? null)),
    opts,
  );
}

/** `torch.randperm(n)`: a random permutation of 0..n-1, int64 by default. */
export function randperm(n: number, opts?: RandomOptions): Tensor {
  if (!Number.isInteger(n) || n < 0) throw runtimeError(`n must be non-negative, got${n}`);
  const perm = randpermDraw(n, genOf(opts));
  const dtype = opts?.dtype ?? "int64";
  const t = Tensor.fromArray(
    Float64Array.from(perm, (v) => Number(v)),
    [n],
    dtype,
    opts?.device ?? "cpu",
  );
  return finish(t, opts);
}

/**
 * `torch.normal`: (mean, std, size) with floats draws normal_(mean, std). With tensors it draws
 * as PyTorch's normal_out_impl: standard normals into a tensor of mean's dtype (std's, for a
 * float mean) and of the broadcast shape, then multiplies by std in place and adds mean; for
 * (tensor mean, float std) it draws normal_(0, std) and adds mean. The result is differentiable
 * as PyTorch's (NormalBackward1/2/3), with zero gradients: a draw does not move with its mean.
 */
export function normal(
  mean: number | Tensor,
  std: number | Tensor,
  size?: readonly number[],
  opts?: RandomOptions,
): Tensor {
  const generator = opts?.generator ?? null;
  if (typeof mean === "number" && typeof std === "number") {
    if (size === undefined) throw typeError("normal() missing required argument 'size'");
    const t = fresh(size, floatDtype(opts, "normal"), opts);
    return finish(
      noGrad(() => t.normal_(mean, std, generator)),
      opts,
    );
  }
  const out = noGrad(() => {
    if (typeof std === "number") {
      const m = mean as Tensor;
      return Tensor.empty(m.shape, m.dtype, m.deviceType).normal_(0, std, generator).add_(m);
    }
    if (std.numel() > 0 && std.lt(0).any().item())
      throw runtimeError("normal expects all elements of std >= 0.0");
    const like = typeof mean === "number" ? std : mean;
    const shape = typeof mean === "number" ? std.shape : broadcastShapes(mean.shape, std.shape);
    const draw = Tensor.empty(shape, like.dtype, like.deviceType).normal_(0, 1, generator);
    return draw.mul_(std).add_(mean);
  });
  const inputs = [mean, std].filter((t): t is Tensor => t instanceof Tensor);
  const name =
    inputs.length === 2
      ? "NormalBackward3"
      : mean instanceof Tensor
        ? "NormalBackward1"
        : "NormalBackward2";
  recordOp(
    name,
    inputs,
    [out],
    () => () => inputs.map((t) => Tensor.empty(t.shape, out.dtype, t.deviceType).zero_()),
  );
  return out;
}

const likeOpts = (t: Tensor, opts?: RandomOptions): RandomOptions => ({
  dtype: t.dtype,
  device: t.deviceType,
  ...opts,
});
// The *_like draws keep t's layout (preserve_format) and fill it in memory order, as PyTorch's.
/** `torch.rand_like(t)`. */
export const rand_like = (t: Tensor, opts?: RandomOptions): Tensor =>
  drawUniform(t.shape, likeOpts(t, opts), t);
/** `torch.randn_like(t)`. */
export const randn_like = (t: Tensor, opts?: RandomOptions): Tensor =>
  drawNormal(t.shape, likeOpts(t, opts), t);

/** `torch.randint_like(t, high)` / `torch.randint_like(t, low, high)`: t's dtype and shape. */
export function randint_like(
  t: Tensor,
  a: number,
  b?: number | RandomOptions,
  opts?: RandomOptions,
): Tensor {
  if (typeof b === "number") return drawInt(a, b, t.shape, likeOpts(t, opts), t);
  return drawInt(0, a, t.shape, likeOpts(t, b), t);
}
