// torch.optim.Adam as 1.13's _single_tensor_adam (the non-capturable path): moments updated
// in place in float32, bias corrections in double from step.item(), optional AMSGrad,
// weight decay and maximize. Parameter bookkeeping is Optimizer's.

import { enableGrad, noGrad } from "../autograd/grad-mode.ts";
import type { PyFloat } from "../core/dtype.ts";
import { valueError } from "../core/errors.ts";
import { withoutReplay } from "../core/host-reads.ts";
import { tensor, zeros_like } from "../ops/creation.ts";
import type { Tensor } from "../tensor.ts";
import { addProduct, addProduct_ } from "./fused.ts";
import { num, Optimizer, type OptionValue, type ParamsArg } from "./optimizer.ts";

export interface AdamOptions {
  lr?: OptionValue;
  betas?: readonly [number | PyFloat, number | PyFloat];
  eps?: OptionValue;
  weight_decay?: OptionValue;
  amsgrad?: boolean;
  maximize?: boolean;
}

const show = (v: OptionValue): string => String(num(v));

export class Adam extends Optimizer {
  constructor(params: ParamsArg, opts: AdamOptions = {}) {
    const lr = opts.lr ?? 0.001;
    const betas = opts.betas ?? [0.9, 0.999];
    const eps = opts.eps ?? 1e-8;
    const wd = opts.weight_decay ?? 0;
    if (!(num(lr) >= 0)) throw valueError(`Invalid learning rate: ${show(lr)}`);
    if (!(num(eps) >= 0)) throw valueError(`Invalid epsilon value: ${show(eps)}`);
    if (!(num(betas[0]) >= 0 && num(betas[0]) < 1))
      throw valueError(`Invalid beta parameter at index 0: ${show(betas[0])}`);
    if (!(num(betas[1]) >= 0 && num(betas[1]) < 1))
      throw valueError(`Invalid beta parameter at index 1: ${show(betas[1])}`);
    if (!(num(wd) >= 0)) throw valueError(`Invalid weight_decay value: ${show(wd)}`);
    super(params, {
      lr,
      betas,
      eps,
      weight_decay: wd,
      amsgrad: opts.amsgrad ?? false,
      maximize: opts.maximize ?? false,
      foreach: null,
      capturable: false,
      differentiable: false,
      fused: false,
    });
  }

  get name(): string {
    return "Adam";
  }

  /** AdamW decays the parameters themselves instead of adding wd * p to the gradient. */
  protected get decoupledWeightDecay(): boolean {
    return false;
  }

  /**
   * step += 1; g = ±grad (+ wd * p); m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
   * denom = sqrt(v or max(v)) / sqrt(1 - b2^step) + eps; p -= lr / (1 - b1^step) * m / denom.
   */
  step(closure?: () => Tensor): Tensor | undefined {
    const loss = closure ? enableGrad(closure) : undefined;
    // No replayed host reads: parameters may already have moved when a read would stop a step.
    noGrad(() =>
      withoutReplay(() => {
        for (const group of this.param_groups) {
          const lr = num(group.lr);
          const [beta1, beta2] = (group.betas as readonly OptionValue[]).map((b) => num(b)) as [
            number,
            number,
          ];
          const eps = num(group.eps);
          const wd = num(group.weight_decay);
          for (const p of group.params) {
            if (p.grad === null) continue;
            const state = this.stateOf(p);
            if (state.step === undefined) {
              state.step = tensor(0, { dtype: "float32" }); // torch.tensor(0.)
              state.exp_avg = zeros_like(p);
              state.exp_avg_sq = zeros_like(p);
              if (group.amsgrad) state.max_exp_avg_sq = zeros_like(p);
            }
            const stepT = state.step as Tensor;
            const expAvg = state.exp_avg as Tensor;
            const expAvgSq = state.exp_avg_sq as Tensor;
            let grad = group.maximize ? p.grad.neg() : p.grad;
            stepT.add_(1);
            // add(other, alpha=) and addcmul_ round once (FMA): see fused.ts.
            if (wd !== 0) {
              if (this.decoupledWeightDecay) p.mul_(1 - lr * wd);
              else grad = addProduct(grad, p, wd);
            }
            addProduct_(expAvg.mul_(beta1), grad, 1 - beta1);
            addProduct_(expAvgSq.mul_(beta2), grad.mul(1 - beta2), grad); // value * t1, then * t2
            const step = stepT.item() as number;
            const bc1 = 1 - beta1 ** step;
            const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
            const stepSize = lr / bc1;
            let second = expAvgSq;
            if (group.amsgrad) {
              const maxSq = state.max_exp_avg_sq as Tensor;
              maxSq.copy_(maxSq.maximum(expAvgSq));
              second = maxSq;
            }
            const denom = second.sqrt().div(bc2Sqrt).add_(eps);
            // addcdiv_ is not fused and computes self + (value * t1) / t2, in that order.
            p.add_(expAvg.mul(-stepSize).div(denom));
          }
        }
      }),
    );
    return loss;
  }
}

/**
 * torch.optim.AdamW: Adam with decoupled weight decay (p *= 1 - lr * wd before the Adam update),
 * weight_decay 0.01 by default.
 */
export class AdamW extends Adam {
  constructor(params: ParamsArg, opts: AdamOptions = {}) {
    super(params, { ...opts, weight_decay: opts.weight_decay ?? 0.01 });
  }

  override get name(): string {
    return "AdamW";
  }

  protected override get decoupledWeightDecay(): boolean {
    return true;
  }
}
