// torch.optim.Optimizer's bookkeeping: param_groups (each a dict of options plus its params),
// per-parameter state, zero_grad and the repr text PyTorch prints. The update rules live in
// sgd.ts and adam.ts; this file does no arithmetic on parameters.

import { PyFloat } from "../core/dtype.ts";
import { typeError, valueError } from "../core/errors.ts";
import { pyRepr } from "../format/py-float.ts";
import { Tensor } from "../tensor.ts";

/** An option value as Python holds it; a PyFloat keeps "0.0" apart from "0" in reprs. */
export type OptionValue = number | PyFloat | boolean | null | readonly (number | PyFloat)[];

/** One entry of `optimizer.param_groups`: its tensors and every option, defaults filled in. */
export interface ParamGroup {
  params: Tensor[];
  [option: string]: OptionValue | Tensor[];
}

/** What the constructor accepts: a list of tensors, or a list of groups with per-group options. */
export type ParamsArg =
  | readonly Tensor[]
  | readonly ({ params: readonly Tensor[] } & Record<string, OptionValue | readonly Tensor[]>)[];

/** Per-parameter state, e.g. `{ momentum_buffer }` or `{ step, exp_avg, exp_avg_sq }`. */
export type ParamState = Record<string, Tensor | null>;

/** A numeric option as a JS number. */
export const num = (v: OptionValue | Tensor[] | undefined): number =>
  v instanceof PyFloat
    ? v.value
    : typeof v === "number"
      ? v
      : typeof v === "boolean"
        ? v
          ? 1
          : 0
        : Number.NaN;

export abstract class Optimizer {
  readonly defaults: Record<string, OptionValue>;
  readonly state = new Map<Tensor, ParamState>();
  readonly param_groups: ParamGroup[] = [];

  constructor(params: ParamsArg, defaults: Record<string, OptionValue>) {
    this.defaults = defaults;
    if (params instanceof Tensor) {
      throw typeError(
        "params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor",
      );
    }
    if (params.length === 0) throw valueError("optimizer got an empty parameter list");
    const groups = params[0] instanceof Tensor ? [{ params: params as readonly Tensor[] }] : params;
    for (const g of groups as readonly ({ params: readonly Tensor[] } & Record<
      string,
      OptionValue | readonly Tensor[]
    >)[]) {
      this.add_param_group(g);
    }
  }

  /** `add_param_group`: fills in defaults and refuses non-leaf or repeated tensors. */
  add_param_group(
    group: { params: readonly Tensor[] } & Record<string, OptionValue | readonly Tensor[]>,
  ): void {
    const params = [...group.params];
    for (const p of params) {
      if (!p.isLeaf) throw valueError("can't optimize a non-leaf Tensor");
    }
    const seen = new Set(this.param_groups.flatMap((g) => g.params));
    if (params.some((p) => seen.has(p))) {
      throw valueError("some parameters appear in more than one parameter group");
    }
    const out: ParamGroup = { params };
    for (const [k, v] of Object.entries(this.defaults))
      out[k] = k in group ? (group[k] as OptionValue) : v;
    for (const [k, v] of Object.entries(group)) if (k !== "params") out[k] = v as OptionValue;
    this.param_groups.push(out);
  }

  /**
   * `zero_grad(set_to_none=False)` (1.13's default): zeroes each .grad in place (detaching a
   * grad that has a grad_fn), or drops it when setToNone.
   */
  zero_grad(setToNone = false): void {
    for (const group of this.param_groups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) {
          p.grad = null;
          continue;
        }
        if (p.grad.gradFn !== null) p.grad.detach_();
        else p.grad.requiresGrad = false;
        p.grad.zero_();
      }
    }
  }

  /** State of p, created empty on first use (Python's defaultdict(dict)). */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  abstract step(closure?: () => Tensor): Tensor | undefined;

  /** The class name Python prints (SGD, Adam). */
  abstract get name(): string;
}

/** A group option as Python's str.format prints it: 0.05, 1e-08, (0.9, 0.999), False, None. */
export function pyOptionStr(v: OptionValue | Tensor[]): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v instanceof PyFloat) return pyRepr(v.value);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : pyRepr(v);
  if (Array.isArray(v)) {
    const items = (v as readonly (number | PyFloat | Tensor)[]).map((x) =>
      x instanceof Tensor ? "tensor" : pyOptionStr(x),
    );
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  return String(v);
}

/** `repr(optimizer)`, e.g. "SGD (\nParameter Group 0\n    dampening: 0\n ...)". */
export function reprOptimizer(opt: Optimizer): string {
  let s = `${opt.name} (`;
  opt.param_groups.forEach((group, i) => {
    s += `\nParameter Group ${i}\n`;
    for (const key of Object.keys(group).sort()) {
      if (key !== "params") s += `    ${key}: ${pyOptionStr(group[key] as OptionValue)}\n`;
    }
  });
  return `${s})`;
}
