// torch.optim.SGD as 1.13's _single_tensor_sgd: weight decay, momentum with dampening,
// Nesterov and maximize, applied in that order with float32 tensor ops under no_grad.
// Parameter bookkeeping is Optimizer's; this file holds only the update rule.

import { enableGrad, noGrad } from "../autograd/grad-mode.ts";
import { valueError } from "../core/errors.ts";
import { withoutReplay } from "../core/host-reads.ts";
import type { Tensor } from "../tensor.ts";
import { addProduct, addProduct_ } from "./fused.ts";
import { num, Optimizer, type OptionValue, type ParamsArg } from "./optimizer.ts";

export interface SGDOptions {
  lr: OptionValue;
  momentum?: OptionValue;
  dampening?: OptionValue;
  weight_decay?: OptionValue;
  nesterov?: boolean;
  maximize?: boolean;
}

const pyNum = (v: OptionValue): string => (typeof v === "number" ? String(v) : String(num(v)));

export class SGD extends Optimizer {
  constructor(params: ParamsArg, opts: SGDOptions) {
    const momentum = opts.momentum ?? 0;
    const dampening = opts.dampening ?? 0;
    const weightDecay = opts.weight_decay ?? 0;
    const nesterov = opts.nesterov ?? false;
    if (num(opts.lr) < 0) throw valueError(`Invalid learning rate: ${pyNum(opts.lr)}`);
    if (num(momentum) < 0) throw valueError(`Invalid momentum value: ${pyNum(momentum)}`);
    if (num(weightDecay) < 0) throw valueError(`Invalid weight_decay value: ${pyNum(weightDecay)}`);
    if (nesterov && (num(momentum) <= 0 || num(dampening) !== 0)) {
      throw valueError("Nesterov momentum requires a momentum and zero dampening");
    }
    super(params, {
      lr: opts.lr,
      momentum,
      dampening,
      weight_decay: weightDecay,
      nesterov,
      maximize: opts.maximize ?? false,
      foreach: null,
      differentiable: false,
    });
  }

  get name(): string {
    return "SGD";
  }

  /**
   * d = ±grad (+ wd * p); with momentum, buf = d on the first step, else buf = m * buf + (1 - dampening) * d,
   * and d = d + m * buf (Nesterov) or buf; then p -= lr * d.
   */
  step(closure?: () => Tensor): Tensor | undefined {
    const loss = closure ? enableGrad(closure) : undefined;
    // No replayed host reads: parameters may already have moved when a read would stop a step.
    noGrad(() =>
      withoutReplay(() => {
        for (const group of this.param_groups) {
          const lr = num(group.lr);
          const momentum = num(group.momentum);
          const dampening = num(group.dampening);
          const wd = num(group.weight_decay);
          for (const p of group.params) {
            if (p.grad === null) continue;
            let d = group.maximize ? p.grad.neg() : p.grad;
            // Every add(other, alpha=) below rounds once, as PyTorch's does (see fused.ts).
            if (wd !== 0) d = addProduct(d, p, wd);
            const state = this.stateOf(p);
            if (momentum !== 0) {
              let buf = state.momentum_buffer ?? null;
              if (buf === null) {
                buf = d.clone().detach();
                state.momentum_buffer = buf;
              } else {
                addProduct_(buf.mul_(momentum), d, 1 - dampening);
              }
              d = group.nesterov ? addProduct(d, buf, momentum) : buf;
            } else {
              state.momentum_buffer = null;
            }
            addProduct_(p, d, -lr);
          }
        }
      }),
    );
    return loss;
  }
}
