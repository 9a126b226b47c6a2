// Graph nodes (grad_fn): one per differentiable op application, holding edges to the nodes
// of its inputs, the tensors it saved (with the version they had) and its backward closure.
// AccumulateGrad is the node that ends a path at a leaf.
import { runtimeError } from "../core/errors.ts";
import type { Tensor } from "../tensor.ts";

export interface Edge {
  readonly node: Node;
  readonly inputNr: number;
}

const FREED =
  "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

let nextSeq = 0;

/** A tensor saved for backward, with the version it had when saved. */
export class SavedTensor {
  private tensor: Tensor | null;
  private readonly version: number;
  private readonly outputOf: string | null;
  constructor(t: Tensor, outputOf: string | null) {
    this.tensor = t;
    this.version = t.version;
    this.outputOf = outputOf;
  }
  unpack(): Tensor {
    const t = this.tensor;
    if (t === null) throw runtimeError(FREED);
    if (t.version !== this.version) {
      const what = `[${t.legacyTypeName()} [${t.shape.join(", ")}]]`;
      const whose = this.outputOf ? `${what}, which is output 0 of ${this.outputOf},` : what;
      throw runtimeError(
        `one of the variables needed for gradient computation has been modified by an inplace operation: ${whose} is at version ${t.version}; expected version ${this.version} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).`,
      );
    }
    return t;
  }
  release(): void {
    this.tensor = null;
  }
}

/** A tensor hook: sees the gradient, may return a replacement. */
export type GradHook = (grad: Tensor) => Tensor | undefined | null;

/**
 * A node hook (grad_fn.register_hook): called after the node has run with the gradients it sends
 * on (grad_inputs, one per next edge, null where an input needs none; empty for AccumulateGrad)
 * and those that flowed into it (grad_outputs). An array it returns replaces grad_inputs.
 */
export type NodeHook = (
  gradInputs: readonly (Tensor | null)[],
  gradOutputs: readonly (Tensor | null)[],
) => readonly (Tensor | null)[] | undefined | null;

/** What register_hook returns: remove() unregisters the hook (a second call does nothing). */
export interface RemovableHandle {
  remove(): void;
}

export type BackwardFn = (grads: readonly (Tensor | null)[]) => readonly (Tensor | null)[];
export type AsyncBackwardFn = (
  grads: readonly (Tensor | null)[],
) => Promise<readonly (Tensor | null)[]>;

export class Node {
  /** PyTorch's class name, e.g. MulBackward0. */
  readonly name: string;
  /** One edge per input of the forward op; null where the input needs no gradient. */
  readonly next: readonly (Edge | null)[];
  /**
   * PyTorch's sequence number: the order of creation, so that later nodes run first when several
   * are ready. AccumulateGrad has the largest (UINT64_MAX in PyTorch): a leaf's gradient is
   * accumulated as soon as it is complete.
   */
  readonly seq: number;
  /** Number of outputs of the forward op. */
  readonly numOutputs: number;
  private backwardFn: BackwardFn | null;
  /** Whether any saved tensor was registered (only such nodes refuse a second backward). */
  private hadSaved = false;
  private saved: SavedTensor[] = [];
  /** Non-leaf tensors that asked retain_grad(), by output number. */
  retained: Map<number, WeakRef<Tensor>> | null = null;
  /** Tensor hooks (register_hook) on the gradient of each output, run before anything else. */
  hooks: Map<number, GradHook[]> | null = null;
  /** Node hooks (grad_fn.register_hook), in registration order, run after the node. */
  postHooks: NodeHook[] | null = null;
  /** For AccumulateGrad: the leaf it accumulates into. */
  readonly variable: Tensor | null;

  constructor(
    name: string,
    next: readonly (Edge | null)[],
    backward: BackwardFn | null,
    numOutputs = 1,
    variable: Tensor | null = null,
  ) {
    this.name = name;
    this.next = next;
    this.backwardFn = backward;
    this.numOutputs = numOutputs;
    this.variable = variable;
    this.seq = variable !== null ? Number.POSITIVE_INFINITY : nextSeq++;
  }

  save(t: Tensor, isOutput = false): SavedTensor {
    const s = new SavedTensor(t, isOutput ? this.name : t.gradFn ? t.gradFn.name : null);
    this.saved.push(s);
    this.hadSaved = true;
    return s;
  }

  /** For nodes that own a private graph (CopySlices): a second backward must fail as PyTorch's does. */
  markHoldsSaved(): void {
    this.hadSaved = true;
  }

  setBackward(fn: BackwardFn): void {
    this.backwardFn = fn;
  }

  /** For a node whose gradient must be awaited (copied from a GPU back to the CPU). */
  private asyncFn: AsyncBackwardFn | null = null;

  /** Makes this node's backward asynchronous: the engine awaits it (runBackwardAsync). */
  setBackwardAsync(fn: AsyncBackwardFn): void {
    this.asyncFn = fn;
  }

  get awaitsDevice(): boolean {
    return this.asyncFn !== null;
  }

  applyAsync(grads: readonly (Tensor | null)[]): Promise<readonly (Tensor | null)[]> {
    if (this.asyncFn === null) throw runtimeError(FREED);
    return this.asyncFn(grads);
  }

  /** Whether input i needs a gradient (its edge exists). */
  needs(i: number): boolean {
    return this.next[i] != null;
  }

  apply(grads: readonly (Tensor | null)[]): readonly (Tensor | null)[] {
    if (this.backwardFn === null) throw runtimeError(FREED);
    return this.backwardFn(grads);
  }

  /**
   * grad_fn.register_hook(fn): fn(gradInputs, gradOutputs) runs each time the backward pass runs
   * this node (after it, for AccumulateGrad after the gradient is added to .grad); it may return
   * replacements for gradInputs, one per next edge.
   */
  registerHook(fn: NodeHook): RemovableHandle {
    if (this.postHooks === null) this.postHooks = [];
    const hooks = this.postHooks;
    hooks.push(fn);
    return {
      remove() {
        const i = hooks.indexOf(fn);
        if (i >= 0) hooks.splice(i, 1);
      },
    };
  }

  /** Frees saved tensors after a backward pass without retain_graph. */
  release(): void {
    for (const s of this.saved) s.release();
    if (this.hadSaved) this.backwardFn = null;
    this.saved = [];
  }
}
