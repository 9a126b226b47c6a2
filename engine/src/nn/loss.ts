// torch.nn.functional's losses: mse_loss, l1_loss, nll_loss, cross_entropy,
// binary_cross_entropy and binary_cross_entropy_with_logits, with PyTorch 1.13's node names,
// gradient formulas and error texts. Forwards run as tensor ops under no_grad; the few host
// reads (target bounds, input range) are the checks PyTorch's CPU kernels make too.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { isFloating } from "../core/dtype.ts";
import { indexError, runtimeError, valueError } from "../core/errors.ts";
import { broadcastShapes } from "../core/shape.ts";
import { zeros_like } from "../ops/creation.ts";
import { where } from "../ops/tensor-math.ts";
import { Tensor } from "../tensor.ts";
import { log_softmax } from "./softmax.ts";

export type Reduction = "mean" | "sum" | "none";

function checkReduction(reduction: string): Reduction {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
    throw valueError(`${reduction} is not a valid value for reduction`);
  }
  return reduction;
}

function reduce(t: Tensor, reduction: Reduction): Tensor {
  return reduction === "mean" ? t.mean() : reduction === "sum" ? t.sum() : t;
}

const sizeText = (shape: readonly number[]): string => `torch.Size([${shape.join(", ")}])`;

/** Broadcasts input and target as F.mse_loss / l1_loss do (PyTorch only warns on a mismatch). */
function broadcastPair(input: Tensor, target: Tensor): [Tensor, Tensor] {
  if (
    input.shape.length === target.shape.length &&
    input.shape.every((s, i) => s === target.shape[i])
  ) {
    return [input, target];
  }
  const shape = broadcastShapes(input.shape, target.shape);
  return [input.expand(shape), target.expand(shape)];
}

/** `F.mse_loss(input, target, reduction="mean")`: reduce((input - target)^2). */
export function mse_loss(input: Tensor, target: Tensor, reduction: string = "mean"): Tensor {
  const red = checkReduction(reduction);
  const [x, t] = broadcastPair(input, target);
  const y = noGrad(() => reduce(x.sub(t).square(), red));
  // d/dx = norm * (x - t) * g with norm = 2 (2 / numel for mean); d/dt = -d/dx
  recordOp("MseLossBackward0", [x, t], [y], (node) => {
    const sx = node.save(x);
    const st = node.save(t);
    const norm = red === "mean" ? 2 / x.numel() : 2;
    return ([g]) => {
      const gx = sx
        .unpack()
        .sub(st.unpack())
        .mul(norm)
        .mul(g as Tensor);
      return [node.needs(0) ? gx : null, node.needs(1) ? gx.neg() : null];
    };
  });
  return y;
}

/**
 * `F.huber_loss(input, target, reduction="mean", delta=1.0)`: with z = |x - t|, 0.5 z^2 where
 * z < delta, else delta (z - 0.5 delta), each step rounded in the dtype as PyTorch's kernel,
 * then reduced. Gradient as PyTorch's: norm x g inside, +-norm g delta outside (x = input -
 * target, norm = 1 / numel for "mean", else 1).
 */
export function huber_loss(
  input: Tensor,
  target: Tensor,
  reduction: string = "mean",
  delta = 1.0,
): Tensor {
  const red = checkReduction(reduction);
  if (!(delta > 0))
    throw runtimeError("huber_loss does not support non-positive values for delta.");
  return piecewiseLoss(
    "HuberLossBackward0",
    input,
    target,
    red,
    delta,
    (z) => where(z.lt(delta), z.mul(0.5).mul(z), z.sub(0.5 * delta).mul(delta)),
    (x, g, norm) => x.mul(norm).mul(g),
    (g, norm) => g.mul(norm).mul(delta),
  );
}

/**
 * `F.smooth_l1_loss(input, target, reduction="mean", beta=1.0)`: with z = |x - t|, 0.5 z^2 / beta
 * where z < beta, else z - 0.5 beta (beta = 0: z). Gradient as PyTorch's: norm x g / beta
 * inside, +-norm g outside.
 */
export function smooth_l1_loss(
  input: Tensor,
  target: Tensor,
  reduction: string = "mean",
  beta = 1.0,
): Tensor {
  const red = checkReduction(reduction);
  if (beta < 0) throw runtimeError("smooth_l1_loss does not support negative values for beta.");
  return piecewiseLoss(
    "SmoothL1LossBackward0",
    input,
    target,
    red,
    beta,
    (z) =>
      where(
        z.lt(beta),
        z
          .mul(0.5)
          .mul(z)
          .div(beta === 0 ? 1 : beta),
        z.sub(0.5 * beta),
      ),
    (x, g, norm) =>
      x
        .mul(norm)
        .mul(g)
        .div(beta === 0 ? 1 : beta),
    (g, norm) => g.mul(norm),
  );
}

/**
 * A loss of z = |input - target|, quadratic below `edge` and linear above, as one node `name`:
 * `value(z)` elementwise, then reduced. Its gradient follows PyTorch's backward kernels: with
 * x = input - target, `inner(x, g, norm)` where -edge < x < edge, else `outer(g, norm)` with the
 * sign of x (x <= -edge negative), for the input, and the negative for the target.
 */
function piecewiseLoss(
  name: string,
  input: Tensor,
  target: Tensor,
  red: Reduction,
  edge: number,
  value: (z: Tensor) => Tensor,
  inner: (x: Tensor, g: Tensor, norm: number) => Tensor,
  outer: (g: Tensor, norm: number) => Tensor,
): Tensor {
  const [x, t] = broadcastPair(input, target);
  const y = noGrad(() => reduce(value(x.sub(t).abs()), red));
  recordOp(name, [x, t], [y], (node) => {
    const sx = node.save(x);
    const st = node.save(t);
    const norm = red === "mean" ? 1 / x.numel() : 1;
    return ([g]) => {
      const d = sx.unpack().sub(st.unpack());
      const gg = (g as Tensor).expand(d.shape);
      const gx = where(
        d.le(-edge),
        outer(gg, -norm),
        where(d.ge(edge), outer(gg, norm), inner(d, gg, norm)),
      );
      return [node.needs(0) ? gx : null, node.needs(1) ? gx.neg() : null];
    };
  });
  return y;
}

/** `F.l1_loss(input, target, reduction="mean")`: composite, so AbsBackward0 / MeanBackward0 / SumBackward0. */
export function l1_loss(input: Tensor, target: Tensor, reduction: string = "mean"): Tensor {
  const red = checkReduction(reduction);
  const [x, t] = broadcastPair(input, target);
  return reduce(x.sub(t).abs(), red);
}

export interface NllOptions {
  weight?: Tensor | null;
  ignore_index?: number;
  reduction?: string;
}

/**
 * `F.nll_loss(input, target, weight=None, ignore_index=-100, reduction="mean")` for input
 * (C) with a 0-d target or (N, C) with target (N); higher-rank inputs (N, C, d1, ...) are moved
 * to (N * d1 * ..., C). loss_n = -weight[t_n] * input[n, t_n]; "mean" divides by the summed weights.
 */
export function nll_loss(input: Tensor, target: Tensor, opts: NllOptions = {}): Tensor {
  const red = checkReduction(opts.reduction ?? "mean");
  const ignore = opts.ignore_index ?? -100;
  const weight = opts.weight ?? null;
  if (target.dtype !== "int64") {
    throw runtimeError(`expected scalar type Long but found ${scalarTypeName(target.dtype)}`);
  }
  if (input.ndim < 1)
    throw indexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)");
  if (input.ndim >= 2 && input.shape[0] !== (target.shape[0] ?? 1)) {
    throw valueError(
      `Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`,
    );
  }
  if (input.ndim > 2) {
    // (N, C, d...) -> (N*d..., C): the class dim moves last, the rest flattens with the target.
    const c = input.shape[1] as number;
    const perm = [0, ...Array.from({ length: input.ndim - 2 }, (_, i) => i + 2), 1];
    const flat = input.permute(perm).reshape([-1, c]);
    const out = nll_loss(flat, target.reshape([-1]), opts);
    return red === "none" ? out.reshape(target.shape) : out;
  }
  const x2 = input.ndim === 1 ? input.unsqueeze(0) : input;
  const t1 = target.reshape([-1]);
  const classes = x2.shape[1] as number;
  checkTargets(t1, classes, ignore);
  const { y, w, safe } = noGrad(() => {
    const valid = t1.ne(ignore);
    const safeT = t1.masked_fill(valid.logical_not(), 0);
    const wt = (
      weight === null ? zeros_like(t1, { dtype: x2.dtype }).add(1) : weight.gather(0, safeT)
    ).mul(valid);
    const picked = x2.gather(1, safeT.unsqueeze(1)).squeeze(1);
    const losses = picked.mul(wt).neg();
    let out: Tensor;
    if (red === "none") out = input.ndim === 1 ? losses.squeeze(0) : losses;
    else if (x2.deviceType === "cpu") out = nllReduced(x2, t1, weight, ignore, red);
    else if (red === "sum") out = losses.sum();
    else out = losses.sum().div(wt.sum());
    return { y: out, w: wt, safe: safeT };
  });
  // d input[n, t_n] = -w[t_n] * g_n (divided by sum(w) for mean); every other entry is 0
  recordOp("NllLossBackward0", [input, null, null], [y], () => {
    return ([g]) => {
      const gg = g as Tensor;
      let scale: Tensor;
      if (red === "none") scale = input.ndim === 1 ? gg.reshape([1]) : gg;
      else if (red === "sum") scale = gg.expand(w.shape);
      else scale = gg.div(w.sum()).expand(w.shape);
      const gPicked = w.mul(scale).neg();
      const gx = zeros_like(x2).scatter(1, safe.unsqueeze(1), gPicked.unsqueeze(1));
      return [input.ndim === 1 ? gx.squeeze(0) : gx, null, null];
    };
  });
  return y;
}

/**
 * The reduced loss as PyTorch 1.13's CPU computes it (LossNLL.cpp, nll_loss_out_frame): the
 * picked -w x[n, t_n] added in order into a level-0 partial sum that, after each sample n with
 * n mod 2^p == 0 (p = max(4, ceil(log2 N) / 8)), moves up a level, and further levels likewise
 * for n mod 2^(kp); the eight levels summed from 0 at the end; "mean" divides by the count of
 * samples not ignored (or the weights, summed the same way). In the dtype, as PyTorch does.
 */
function nllReduced(
  x: Tensor,
  t: Tensor,
  weight: Tensor | null,
  ignore: number,
  red: "sum" | "mean",
): Tensor {
  const r = x.dtype === "float32" ? Math.fround : (v: number) => v;
  const data = x.contiguous().dataSync();
  const targets = t.dataSync();
  const w = weight === null ? null : weight.contiguous().dataSync();
  const [n, classes] = x.shape as [number, number];
  const power = Math.max(4, Math.floor((n <= 2 ? 1 : 32 - Math.clz32(n - 1)) / 8));
  const mask = (1 << power) - 1;
  const loss = new Float64Array(8);
  const wsum = new Float64Array(8);
  let ignored = 0;
  for (let b = 0; b < n; b++) {
    const c = targets[b] as number;
    if (c === ignore) {
      ignored++;
      continue;
    }
    const v = data[b * classes + c] as number;
    if (w !== null) {
      const wv = w[c] as number;
      loss[0] = r((loss[0] as number) - r(v * wv));
      wsum[0] = r((wsum[0] as number) + wv);
    } else loss[0] = r((loss[0] as number) - v);
    for (let j = 0; j + 1 < 8; j++) {
      if ((b & (mask * 2 ** (j * power))) !== 0) break;
      loss[j + 1] = r((loss[j + 1] as number) + (loss[j] as number));
      wsum[j + 1] = r((wsum[j + 1] as number) + (wsum[j] as number));
      loss[j] = 0;
      wsum[j] = 0;
    }
  }
  let total = 0;
  let out = 0;
  for (let j = 0; j < 8; j++) {
    total = r(total + (wsum[j] as number));
    out = r(out + (loss[j] as number));
  }
  if (w === null) total = n - ignored;
  if (red === "mean") out = r(out / total); // 0 / 0 is NaN when every sample is ignored
  return Tensor.fromArray([out], [], x.dtype, "cpu");
}

function checkTargets(t: Tensor, classes: number, ignore: number): void {
  const bad = noGrad(() => t.lt(0).logical_or(t.ge(classes)).logical_and(t.ne(ignore)));
  if (!bad.any().item()) return;
  const values = t.dataSync();
  const mask = bad.dataSync();
  for (let i = 0; i < values.length; i++) {
    if (mask[i]) throw indexError(`Target ${values[i]} is out of bounds.`);
  }
}

function scalarTypeName(d: string): string {
  return (
    (
      { float32: "Float", float64: "Double", int32: "Int", bool: "Bool", int64: "Long" } as Record<
        string,
        string
      >
    )[d] ?? d
  );
}

export interface CrossEntropyOptions extends NllOptions {
  label_smoothing?: number;
}

/**
 * `F.cross_entropy(input, target, ...)`: nll_loss(log_softmax(input, class_dim), target) for
 * class-index targets (NllLossBackward0 over LogSoftmaxBackward0). A floating target of
 * input's shape holds class probabilities: -sum(target * log_softmax) per sample, reduced.
 */
export function cross_entropy(
  input: Tensor,
  target: Tensor,
  opts: CrossEntropyOptions = {},
): Tensor {
  const classDim = input.ndim === 1 ? 0 : 1;
  if ((opts.label_smoothing ?? 0) !== 0) {
    throw runtimeError("cross_entropy: label_smoothing is not supported by torchlit yet");
  }
  if (isFloating(target.dtype)) {
    const red = checkReduction(opts.reduction ?? "mean");
    const logp = log_softmax(input, classDim);
    let prod = logp.mul(target);
    if (opts.weight) {
      const shape = input.shape.map((s, i) => (i === classDim ? s : 1));
      prod = prod.mul(opts.weight.reshape(shape));
    }
    if (red === "mean")
      return prod
        .sum()
        .neg()
        .div(input.numel() / (input.shape[classDim] as number));
    const perSample = prod.sum(classDim).neg();
    return red === "sum" ? perSample.sum() : perSample;
  }
  return nll_loss(log_softmax(input, classDim), target, opts);
}

export interface BceOptions {
  weight?: Tensor | null;
  reduction?: string;
}

/**
 * `F.binary_cross_entropy(input, target, weight=None, reduction="mean")`:
 * -w * (t * max(log x, -100) + (1 - t) * max(log(1 - x), -100)).
 */
export function binary_cross_entropy(input: Tensor, target: Tensor, opts: BceOptions = {}): Tensor {
  const red = checkReduction(opts.reduction ?? "mean");
  const weight = opts.weight ?? null;
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(
      `Using a target size (${sizeText(target.shape)}) that is different to the input size (${sizeText(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  const y = noGrad(() => {
    if (input.lt(0).logical_or(input.gt(1)).any().item()) {
      throw runtimeError("all elements of input should be between 0 and 1");
    }
    const logX = input.log().clamp(-100);
    const log1mX = input.neg().add(1).log().clamp(-100);
    let loss = target.sub(1).mul(log1mX).sub(target.mul(logX));
    if (weight) loss = loss.mul(weight);
    return reduce(loss, red);
  });
  // dx = g * (x - t) / max((1 - x) * x, 1e-12) * w (divided by numel for mean)
  recordOp("BinaryCrossEntropyBackward0", [input, target, weight], [y], (node) => {
    const sx = node.save(input);
    const st = node.save(target);
    return ([g]) => {
      const x = sx.unpack();
      const denom = x.neg().add(1).mul(x).clamp(1e-12);
      let gx = x
        .sub(st.unpack())
        .div(denom)
        .mul(g as Tensor);
      if (weight) gx = gx.mul(weight);
      if (red === "mean") gx = gx.div(x.numel());
      return [gx, null, null];
    };
  });
  return y;
}

export interface BceLogitsOptions extends BceOptions {
  pos_weight?: Tensor | null;
}

/**
 * `F.binary_cross_entropy_with_logits(input, target, ...)`, PyTorch 1.13's stable form:
 * m = max(-x, 0); loss = (1 - t) x + lw * (log(exp(-m) + exp(-x - m)) + m), lw = (pw - 1) t + 1.
 */
export function binary_cross_entropy_with_logits(
  input: Tensor,
  target: Tensor,
  opts: BceLogitsOptions = {},
): Tensor {
  const red = checkReduction(opts.reduction ?? "mean");
  const weight = opts.weight ?? null;
  const posWeight = opts.pos_weight ?? null;
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(
      `Target size (${sizeText(target.shape)}) must be the same as input size (${sizeText(input.shape)})`,
    );
  }
  const y = noGrad(() => {
    const m = input.neg().clamp(0);
    const lse = m.neg().exp().add(input.neg().sub(m).exp()).log();
    const oneMinusT = target.neg().add(1);
    let loss = posWeight
      ? oneMinusT.mul(input).add(posWeight.sub(1).mul(target).add(1).mul(lse.add(m)))
      : oneMinusT.mul(input).add(m).add(lse);
    if (weight) loss = loss.mul(weight);
    return reduce(loss, red);
  });
  // dx = (sigmoid(x) - t) * g, or ((pw t + 1 - t) sigmoid(x) - pw t) * g; times w; / numel for mean
  recordOp(
    "BinaryCrossEntropyWithLogitsBackward0",
    [input, target, weight, posWeight],
    [y],
    (node) => {
      const sx = node.save(input);
      const st = node.save(target);
      return ([g]) => {
        const x = sx.unpack();
        const t = st.unpack();
        let gx: Tensor;
        if (posWeight) {
          const pt = posWeight.mul(t);
          gx = pt.add(1).sub(t).mul(x.sigmoid()).sub(pt);
        } else {
          gx = x.sigmoid().sub(t);
        }
        gx = gx.mul(g as Tensor);
        if (weight) gx = gx.mul(weight);
        if (red === "mean") gx = gx.div(x.numel());
        return [gx, null, null, null];
      };
    },
  );
  return y;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
