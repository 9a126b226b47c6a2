// torch.nn.functional's elementwise activations that are op-table kernels (silu): made from the
// table's `functional` entries, so adding one there adds F.<name>. Each takes its scalar
// parameters in the table's order (defaults from the table), then PyTorch's inplace flag.

import { opApi, UNARY, type UnaryFunctional, type UnaryOp } from "../core/elementwise-defs.ts";
import { runtimeError } from "../core/errors.ts";
import { unary, unaryInPlace } from "../ops/elementwise.ts";
import type { Tensor } from "../tensor.ts";

/** F.name(input, ...params, inplace=false). */
export type FunctionalOp = (input: Tensor, ...args: (number | boolean | undefined)[]) => Tensor;

function functionalOp(name: UnaryOp): FunctionalOp {
  const f = opApi(UNARY[name]).functional;
  if (f === undefined) throw runtimeError(`${name} is not a functional op`);
  return (input, ...args) => {
    const params = f.params.map(([, dflt], i) => {
      const v = args[i];
      return typeof v === "number" ? v : dflt;
    });
    const inplace = args[f.params.length] === true;
    if (inplace && !f.inplace) throw runtimeError(`${name}() takes no inplace argument`);
    return inplace ? unaryInPlace(name, input, params) : unary(name, input, params);
  };
}

export const FUNCTIONAL_OPS = Object.fromEntries(
  (Object.keys(UNARY) as UnaryOp[])
    .filter((k) => opApi(UNARY[k]).functional !== undefined)
    .map((k) => [k, functionalOp(k)]),
) as { readonly [K in UnaryFunctional]: FunctionalOp };
