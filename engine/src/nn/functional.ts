// torch.nn.functional's layers and activations: linear, relu/sigmoid/tanh, softmax and
// log_softmax, leaky_relu, softplus, dropout. Each forward runs as tensor ops under no_grad
// and records one node with PyTorch's name and gradient formula, so graphs print as
// PyTorch's do. Losses live in loss.ts, softmax in softmax.ts (both re-exported here); nothing
// here touches storages directly.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { runtimeError, valueError } from "../core/errors.ts";
import { zeros } from "../ops/creation.ts";
import { sumToShape } from "../ops/helpers.ts";
import "../ops/random-ops.ts";
import { Tensor } from "../tensor.ts";

export {
  binary_cross_entropy,
  binary_cross_entropy_with_logits,
  cross_entropy,
  huber_loss,
  l1_loss,
  mse_loss,
  nll_loss,
  smooth_l1_loss,
} from "./loss.ts";
export { log_softmax, softmax } from "./softmax.ts";

/**
 * `F.linear(input, weight, bias)`: input @ weight.T + bias. A 2-D input with a bias is one
 * addmm (AddmmBackward0), as in PyTorch; otherwise matmul (MmBackward0 for 2-D) then add.
 */
export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const wt = weight.t();
  if (input.ndim !== 2 || bias === null) {
    const y = input.matmul(wt);
    return bias === null ? y : y.add(bias);
  }
  const y = noGrad(() => input.mm(wt).add(bias));
  // addmm(b, x, W^T): d/db = sum of g over broadcast dims, d/dx = g @ W, d/d(W^T) = x^T @ g
  recordOp("AddmmBackward0", [bias, input, wt], [y], (node) => {
    const sx = node.needs(2) ? node.save(input) : null;
    const sw = node.needs(1) ? node.save(wt) : null;
    return ([g]) => {
      const gg = g as Tensor;
      return [
        node.needs(0) ? sumToShape(gg, bias.shape) : null,
        sw ? gg.mm(sw.unpack().t()) : null,
        sx ? sx.unpack().t().mm(gg) : null,
      ];
    };
  });
  return y;
}

export const relu = (input: Tensor): Tensor => input.relu();
export const sigmoid = (input: Tensor): Tensor => input.sigmoid();
export const tanh = (input: Tensor): Tensor => input.tanh();

/** `F.leaky_relu(input, negative_slope=0.01)`: x where x > 0, else slope * x. */
export function leaky_relu(input: Tensor, negativeSlope = 0.01): Tensor {
  const y = noGrad(() => input.where(input.gt(0), input.mul(negativeSlope)));
  // dx = g where x > 0, else slope * g
  recordOp("LeakyReluBackward0", [input], [y], (node) => {
    const sx = node.save(input);
    return ([g]) => {
      const gg = g as Tensor;
      return [gg.where(sx.unpack().gt(0), gg.mul(negativeSlope))];
    };
  });
  return y;
}

/** `F.softplus(input, beta=1, threshold=20)`: log1p(exp(beta x)) / beta, linear above threshold. */
export function softplus(input: Tensor, beta = 1, threshold = 20): Tensor {
  const y = noGrad(() => {
    const bx = input.mul(beta);
    return input.where(bx.gt(threshold), bx.exp().log1p().div(beta));
  });
  // z = exp(beta x): dx = g * z / (z + 1) below the threshold, g above it
  recordOp("SoftplusBackward0", [input], [y], (node) => {
    const sx = node.save(input);
    return ([g]) => {
      const gg = g as Tensor;
      const bx = sx.unpack().mul(beta);
      const z = bx.exp();
      return [gg.where(bx.gt(threshold), gg.mul(z).div(z.add(1)))];
    };
  });
  return y;
}

/**
 * erf(x) by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, below float32's resolution near 1):
 * the engine has no erf kernel yet, so exact GELU is composed from exp and arithmetic.
 */
function erf(x: Tensor): Tensor {
  const a = x.abs();
  const t = a.mul(0.3275911).add(1).reciprocal();
  const poly = t
    .mul(1.061405429)
    .add(-1.453152027)
    .mul(t)
    .add(1.421413741)
    .mul(t)
    .add(-0.284496736)
    .mul(t)
    .add(0.254829592)
    .mul(t);
  return poly.mul(a.square().neg().exp()).neg().add(1).mul(x.sign());
}

/**
 * `F.gelu(input, approximate="none")`: x * Phi(x), Phi the standard normal CDF; with
 * approximate="tanh", 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
 */
export function gelu(input: Tensor, approximate: "none" | "tanh" = "none"): Tensor {
  if (approximate !== "none" && approximate !== "tanh") {
    throw runtimeError(`approximate argument must be either none or tanh.`);
  }
  const k = Math.sqrt(2 / Math.PI);
  const inner = (x: Tensor): Tensor => x.add(x.pow(3).mul(0.044715)).mul(k);
  const y = noGrad(() =>
    approximate === "tanh"
      ? input.mul(0.5).mul(inner(input).tanh().add(1))
      : input.mul(erf(input.mul(Math.SQRT1_2)).add(1)).mul(0.5),
  );
  // exact: dx = g * (Phi(x) + x * phi(x)); tanh: dx = g * (0.5 (1 + th) + 0.5 x (1 - th^2) k (1 + 3 * 0.044715 x^2))
  recordOp("GeluBackward0", [input], [y], (node) => {
    const sx = node.save(input);
    return ([g]) => {
      const x = sx.unpack();
      const gg = g as Tensor;
      if (approximate === "tanh") {
        const th = inner(x).tanh();
        const dInner = x
          .square()
          .mul(3 * 0.044715)
          .add(1)
          .mul(k);
        const d = th
          .add(1)
          .mul(0.5)
          .add(x.mul(0.5).mul(th.square().neg().add(1)).mul(dInner));
        return [gg.mul(d)];
      }
      const cdf = erf(x.mul(Math.SQRT1_2)).add(1).mul(0.5);
      const pdf = x
        .square()
        .mul(-0.5)
        .exp()
        .mul(1 / Math.sqrt(2 * Math.PI));
      return [gg.mul(cdf.add(x.mul(pdf)))];
    };
  });
  return y;
}

/**
 * `F.dropout(input, p=0.5, training=True)`: PyTorch's CPU path (_dropout_impl) draws
 * noise = empty_like(input).bernoulli_(1 - p), divides it by 1 - p and returns input * noise
 * (MulBackward0). p = 1 multiplies by a zero scalar; eval mode or p = 0 returns input itself.
 */
export function dropout(input: Tensor, p = 0.5, training = true, inplace = false): Tensor {
  if (p < 0 || p > 1)
    throw valueError(`dropout probability has to be between 0 and 1, but got ${pyFloat(p)}`);
  if (p === 0 || !training || input.numel() === 0) return input;
  if (p === 1) {
    const z = zeros([], { dtype: input.dtype, device: input.deviceType });
    return inplace ? input.mul_(z) : input.mul(z);
  }
  const noise = noGrad(() =>
    Tensor.empty(input.shape, input.dtype, input.deviceType)
      .bernoulli_(1 - p)
      .div_(1 - p),
  );
  return inplace ? input.mul_(noise) : input.mul(noise);
}

/** A JS number as Python prints a float (1 -> 1.0). */
function pyFloat(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(v);
}
