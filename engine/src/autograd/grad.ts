// torch.autograd.grad and torch.autograd.backward for TypeScript callers, plus tensor hooks
// (register_hook). Thin wrappers over engine.ts's runBackward that build the implicit ones
// gradient for scalar outputs and check shapes with PyTorch's messages.
import { runtimeError } from "../core/errors.ts";
import { Tensor } from "../tensor.ts";
import { runBackward } from "./engine.ts";
import type { GradHook, RemovableHandle } from "./node.ts";
import { recordOp } from "./record.ts";

export interface GradOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
  allowUnused?: boolean;
}

const list = (x: Tensor | readonly Tensor[]): readonly Tensor[] => (x instanceof Tensor ? [x] : x);

/** The gradient each output is weighted by: given, or ones for a scalar (PyTorch's _make_grads). */
function makeGrads(
  outputs: readonly Tensor[],
  gradOutputs: readonly (Tensor | null)[] | undefined,
): Tensor[] {
  return outputs.map((out, i) => {
    const g = gradOutputs?.[i] ?? null;
    if (!out.requiresGrad) {
      throw runtimeError(
        `element ${i} of tensors does not require grad and does not have a grad_fn`,
      );
    }
    if (g !== null) {
      if (g.shape.length !== out.shape.length || g.shape.some((s, k) => s !== out.shape[k])) {
        throw runtimeError(
          `Mismatch in shape: grad_output[${i}] has a shape of torch.Size([${g.shape.join(", ")}]) and output[${i}] has a shape of torch.Size([${out.shape.join(", ")}]).`,
        );
      }
      return g;
    }
    if (out.numel() !== 1)
      throw runtimeError("grad can be implicitly created only for scalar outputs");
    const ones = Tensor.empty(out.shape, out.dtype, out.deviceType);
    ones.storage.backend.fill(ones.v(), 1);
    return ones;
  });
}

/**
 * torch.autograd.grad(outputs, inputs, grad_outputs): the gradients of the outputs with respect
 * to each input, returned rather than accumulated into .grad. An unused input gives null with
 * allowUnused, else PyTorch's error.
 */
export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  gradOutputs?: readonly (Tensor | null)[] | Tensor | null,
  opts: GradOptions = {},
): (Tensor | null)[] {
  const outs = list(outputs);
  const gs = gradOutputs instanceof Tensor ? [gradOutputs] : (gradOutputs ?? undefined);
  return runBackward(outs, makeGrads(outs, gs), {
    retainGraph: opts.retainGraph ?? opts.createGraph ?? false,
    createGraph: opts.createGraph ?? false,
    inputs: list(inputs),
    allowUnused: opts.allowUnused ?? false,
  });
}

/** torch.autograd.backward(tensors, grad_tensors): accumulates into the leaves' .grad. */
export function backward(
  tensors: Tensor | readonly Tensor[],
  gradTensors?: readonly (Tensor | null)[] | Tensor | null,
  opts: { retainGraph?: boolean; createGraph?: boolean } = {},
): void {
  const outs = list(tensors);
  const gs = gradTensors instanceof Tensor ? [gradTensors] : (gradTensors ?? undefined);
  runBackward(outs, makeGrads(outs, gs), {
    retainGraph: opts.retainGraph ?? opts.createGraph ?? false,
    createGraph: opts.createGraph ?? false,
  });
}

/**
 * A graph node for a custom function (torch.autograd.Function): `outputs` were computed from
 * `inputs` outside autograd, and `backward` maps the outputs' gradients to the inputs'. Returns
 * whether a node was recorded (grad mode on and some input requiring grad).
 */
export function recordFunction(
  name: string,
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  backward: (grads: readonly (Tensor | null)[]) => readonly (Tensor | null | undefined)[],
): boolean {
  const node = recordOp(
    name,
    inputs,
    outputs,
    () => (grads) => Array.from(backward(grads), (g) => g ?? null),
  );
  return node !== null;
}

export type { RemovableHandle };

/**
 * tensor.register_hook(fn): fn sees the gradient flowing into the tensor during backward and may
 * return a replacement. On a leaf it runs before accumulation into .grad.
 */
export function registerHook(t: Tensor, fn: GradHook): RemovableHandle {
  const e = t.gradEdge();
  if (e === null) {
    throw runtimeError("cannot register a hook on a tensor that doesn't require gradient");
  }
  const node = e.node;
  if (node.hooks === null) node.hooks = new Map();
  const fns = node.hooks.get(e.inputNr) ?? [];
  fns.push(fn);
  node.hooks.set(e.inputNr, fns);
  return {
    remove() {
      const i = fns.indexOf(fn);
      if (i >= 0) fns.splice(i, 1);
    },
  };
}

declare module "../tensor.ts" {
  interface Tensor {
    /** tensor.register_hook(fn): see registerHook. */
    register_hook(fn: GradHook): RemovableHandle;
  }
}

Tensor.prototype.register_hook = function (this: Tensor, fn: GradHook) {
  return registerHook(this, fn);
};
