// torch.nn.init: uniform_, normal_, constant_/zeros_/ones_, xavier_* and kaiming_* with
// PyTorch's fan computation, plus nn.Linear's reset_parameters as `linearParameters`.
// Every function fills its tensor in place under no_grad and returns it, as PyTorch does;
// the draws come from ops/random-ops.ts, so seeds reproduce PyTorch's numbers.

import { noGrad } from "../autograd/grad-mode.ts";
import type { DType } from "../core/dtype.ts";
import { valueError } from "../core/errors.ts";
import { empty } from "../ops/creation.ts";
import type { Generator } from "../ops/random-ops.ts";
import { calculateGain } from "../random/index.ts";
import type { Tensor } from "../tensor.ts";

/** `nn.init.calculate_gain(nonlinearity, param=None)`. */
export const calculate_gain = (nonlinearity: string, param?: number): number =>
  calculateGain(nonlinearity, param);

/** `_calculate_fan_in_and_fan_out`: fan_in = size(1) * receptive field, fan_out = size(0) * receptive field. */
export function calculateFanInAndFanOut(t: Tensor): [number, number] {
  if (t.ndim < 2) {
    throw valueError(
      "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
    );
  }
  let receptive = 1;
  for (let i = 2; i < t.ndim; i++) receptive *= t.shape[i] as number;
  return [(t.shape[1] as number) * receptive, (t.shape[0] as number) * receptive];
}

function fanFor(t: Tensor, mode: string): number {
  if (mode !== "fan_in" && mode !== "fan_out") {
    throw valueError(`Mode ${mode} not supported, please use one of fan_in, fan_out`);
  }
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  return mode === "fan_in" ? fanIn : fanOut;
}

export function uniform_(t: Tensor, a = 0, b = 1, generator: Generator | null = null): Tensor {
  return noGrad(() => t.uniform_(a, b, generator));
}
export function normal_(t: Tensor, mean = 0, std = 1, generator: Generator | null = null): Tensor {
  return noGrad(() => t.normal_(mean, std, generator));
}
export function constant_(t: Tensor, val: number): Tensor {
  return noGrad(() => t.fill_(val));
}
export const zeros_ = (t: Tensor): Tensor => constant_(t, 0);
export const ones_ = (t: Tensor): Tensor => constant_(t, 1);

/** `xavier_uniform_(t, gain=1)`: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
export function xavier_uniform_(t: Tensor, gain = 1, generator: Generator | null = null): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(t, -a, a, generator);
}

/** `xavier_normal_(t, gain=1)`: N(0, gain * sqrt(2 / (fan_in + fan_out))). */
export function xavier_normal_(t: Tensor, gain = 1, generator: Generator | null = null): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  return normal_(t, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)), generator);
}

export interface KaimingOptions {
  a?: number;
  mode?: "fan_in" | "fan_out";
  nonlinearity?: string;
  generator?: Generator | null;
}

/** `kaiming_uniform_(t, a=0, mode="fan_in", nonlinearity="leaky_relu")`: U(-b, b), b = sqrt(3) * gain / sqrt(fan). */
export function kaiming_uniform_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  if (t.numel() === 0) return t; // PyTorch warns "Initializing zero-element tensors is a no-op"
  const fan = fanFor(t, opts.mode ?? "fan_in");
  const gain = calculateGain(opts.nonlinearity ?? "leaky_relu", opts.a ?? 0);
  const bound = Math.sqrt(3.0) * (gain / Math.sqrt(fan));
  return uniform_(t, -bound, bound, opts.generator ?? null);
}

/** `kaiming_normal_(t, a=0, mode="fan_in", nonlinearity="leaky_relu")`: N(0, gain / sqrt(fan)). */
export function kaiming_normal_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  if (t.numel() === 0) return t;
  const fan = fanFor(t, opts.mode ?? "fan_in");
  const gain = calculateGain(opts.nonlinearity ?? "leaky_relu", opts.a ?? 0);
  return normal_(t, 0, gain / Math.sqrt(fan), opts.generator ?? null);
}

export interface LinearParameters {
  /** [out_features, in_features], a leaf that requires grad. */
  weight: Tensor;
  /** [out_features], a leaf that requires grad; null when bias=False. */
  bias: Tensor | null;
}

/**
 * The parameters of `nn.Linear(in_features, out_features, bias)`, initialised by its
 * reset_parameters: kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
 */
export function linearParameters(
  inFeatures: number,
  outFeatures: number,
  bias = true,
  dtype?: DType | null,
): LinearParameters {
  // Drawn in the requested dtype, as PyTorch draws them (float64 values are not float32's).
  const opts = dtype ? { dtype } : {};
  const weight = empty([outFeatures, inFeatures], opts);
  kaiming_uniform_(weight, { a: Math.sqrt(5) });
  weight.requiresGrad = true;
  if (!bias) return { weight, bias: null };
  const b = empty([outFeatures], opts);
  const [fanIn] = calculateFanInAndFanOut(weight);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  uniform_(b, -bound, bound);
  b.requiresGrad = true;
  return { weight, bias: b };
}
