// The backward pass: an iterative walk over grad_fn nodes (no recursion, so long chains are
// fine). Each node runs once, after the gradients from all its consumers have been summed;
// ready nodes run latest-created first and AccumulateGrad before any other, as PyTorch's engine
// does; node hooks (grad_fn.register_hook) see each node's gradients in and out. For torch.autograd.grad only
// the nodes on a path to a requested input run, so the rest of the graph keeps its saved tensors.
import { runtimeError, TorchError } from "../core/errors.ts";
import { withoutReplay } from "../core/host-reads.ts";
import type { Tensor } from "../tensor.ts";
import { accumulate } from "./accumulate.ts";
import { isGradEnabled, setGradEnabled } from "./grad-mode.ts";
import type { Edge, GradHook, Node, NodeHook } from "./node.ts";
import { refreshView } from "./view-history.ts";

export interface BackwardOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
  /** For torch.autograd.grad: return the gradients of these instead of accumulating into .grad. */
  inputs?: readonly Tensor[];
  allowUnused?: boolean;
  /**
   * For backward(inputs=…): add the gradients of the leaves among `inputs` into their .grad and
   * into no other tensor's (non-leaf inputs get theirs through retainGrad(), which the caller
   * calls first, as PyTorch does); an input the roots do not reach keeps its .grad.
   */
  accumulateInputs?: boolean;
  /**
   * The edges to capture at instead of the inputs' current ones: CopySlices needs the edges its
   * inputs had when the in-place op ran, which a later history rewrite may have replaced.
   */
  inputEdges?: readonly (Edge | null)[];
}

/**
 * PyTorch's ready queue: a std::priority_queue of nodes by sequence number, largest first. Its
 * push and pop are libstdc++'s push_heap and pop_heap step for step, so that nodes of equal
 * rank (every AccumulateGrad) leave in the order PyTorch's engine runs them.
 */
class ReadyQueue {
  private items: Node[] = [];
  get size(): number {
    return this.items.length;
  }
  push(n: Node): void {
    this.items.push(n);
    this.siftUp(this.items.length - 1, 0, n);
  }
  pop(): Node {
    const a = this.items;
    const top = a[0] as Node;
    const last = a.pop() as Node;
    if (a.length > 0) this.adjust(0, a.length, last);
    return top;
  }
  /** libstdc++'s __push_heap: moves the hole up while its parent ranks below value. */
  private siftUp(hole: number, top: number, value: Node): void {
    const a = this.items;
    let parent = (hole - 1) >> 1;
    while (hole > top && (a[parent] as Node).seq < value.seq) {
      a[hole] = a[parent] as Node;
      hole = parent;
      parent = (hole - 1) >> 1;
    }
    a[hole] = value;
  }
  /** libstdc++'s __adjust_heap: the hole goes down to a leaf by the larger child, then value up. */
  private adjust(hole: number, len: number, value: Node): void {
    const a = this.items;
    const top = hole;
    let child = hole;
    while (child < (len - 1) >> 1) {
      child = 2 * (child + 1);
      // The right child unless it ranks below the left (ties go right, as libstdc++'s do).
      if ((a[child] as Node).seq < (a[child - 1] as Node).seq) child--;
      a[hole] = a[child] as Node;
      hole = child;
    }
    if ((len & 1) === 0 && child === (len - 2) >> 1) {
      child = 2 * (child + 1);
      a[hole] = a[child - 1] as Node;
      hole = child - 1;
    }
    this.siftUp(hole, top, value);
  }
}

const add = (a: Tensor | null, b: Tensor | null): Tensor | null =>
  a === null ? b : b === null ? a : a.add(b);

/** Raised by a synchronous backward whose graph needs to await the device (see runBackwardAsync). */
export class BackwardNeedsAwait extends TorchError {
  constructor() {
    super(
      "RuntimeError",
      "this backward pass copies a gradient from a GPU to the CPU, which must be awaited: use `await runBackwardAsync(...)` (Python does this by itself)",
    );
  }
}

/** Whether an error asks for the backward pass to be run with runBackwardAsync. */
export const backwardNeedsAwait = (err: unknown): boolean => err instanceof BackwardNeedsAwait;

type Grads = readonly (Tensor | null)[];

/**
 * Runs the graph backward from roots. A synchronous read of a device tensor raises plainly here
 * (no replay: gradients accumulated before the read would be accumulated again). A graph with a
 * node that must await the device (a gradient copied from a GPU back to the CPU) raises
 * BackwardNeedsAwait before anything runs.
 */
export function runBackward(
  roots: readonly Tensor[],
  rootGrads: readonly Tensor[],
  opts: BackwardOptions = {},
): (Tensor | null)[] {
  const steps = backwardSteps(roots, rootGrads, opts, false);
  const r = withoutReplay(() => steps.next());
  if (!r.done) throw new BackwardNeedsAwait();
  return r.value;
}

/** runBackward for graphs whose nodes await the device: each such node's result is awaited. */
export async function runBackwardAsync(
  roots: readonly Tensor[],
  rootGrads: readonly Tensor[],
  opts: BackwardOptions = {},
): Promise<(Tensor | null)[]> {
  const steps = backwardSteps(roots, rootGrads, opts, true);
  let r = withoutReplay(() => steps.next());
  while (!r.done) {
    let outs: Grads;
    try {
      outs = await r.value;
    } catch (e) {
      r = withoutReplay(() => steps.throw(e));
      continue;
    }
    r = withoutReplay(() => steps.next(outs));
  }
  return r.value;
}

/**
 * The backward pass as steps: it yields the promise of each node that awaits the device and
 * resumes with its gradients. Grad mode is the pass's own between yields and the caller's
 * across them.
 */
function* backwardSteps(
  roots: readonly Tensor[],
  rootGrads: readonly Tensor[],
  opts: BackwardOptions,
  mayAwait: boolean,
): Generator<Promise<Grads>, (Tensor | null)[], Grads> {
  const retain = opts.retainGraph ?? opts.createGraph ?? false;
  const createGraph = opts.createGraph ?? false;
  for (const r of roots) refreshView(r);
  if (!opts.inputEdges) for (const t of opts.inputs ?? []) refreshView(t);

  // Dependencies: how many edges point at each node from nodes reachable from the roots.
  const deps = new Map<Node, number>();
  const seen = new Set<Node>();
  const stack: Node[] = [];
  for (const r of roots) {
    if (r.gradFn === null && !r.requiresGrad) continue;
    const e = r.gradEdge();
    if (e && !seen.has(e.node)) {
      seen.add(e.node);
      stack.push(e.node);
    }
  }
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    for (const e of n.next) {
      if (!e) continue;
      deps.set(e.node, (deps.get(e.node) ?? 0) + 1);
      if (!seen.has(e.node)) {
        seen.add(e.node);
        stack.push(e.node);
      }
    }
  }

  // Where autograd.grad wants its answers: the gradient arriving at an input's edge.
  const captureAt = new Map<Node, Map<number, number>>();
  const captured: (Tensor | null)[] = [];
  if (opts.inputs) {
    opts.inputs.forEach((t, i) => {
      captured.push(null);
      const e = opts.inputEdges ? opts.inputEdges[i] : t.gradEdge();
      if (!e) throw runtimeError("One of the differentiated Tensors does not require grad");
      let m = captureAt.get(e.node);
      if (!m) {
        m = new Map();
        captureAt.set(e.node, m);
      }
      m.set(e.inputNr, i);
    });
  }

  const needed = opts.inputs ? neededNodes(seen, captureAt) : null;

  const buffers = new Map<Node, (Tensor | null)[]>();
  const queue = new ReadyQueue();
  const push = (node: Node, inputNr: number, g: Tensor | null) => {
    let b = buffers.get(node);
    if (!b) {
      b = new Array<Tensor | null>(node.numOutputs).fill(null);
      buffers.set(node, b);
    }
    b[inputNr] = add(b[inputNr] ?? null, g);
  };
  roots.forEach((r, i) => {
    const e = r.gradEdge();
    if (e) push(e.node, e.inputNr, rootGrads[i] as Tensor);
  });
  for (const r of roots) {
    const e = r.gradEdge();
    if (e && (deps.get(e.node) ?? 0) === 0) {
      deps.set(e.node, -1);
      queue.push(e.node);
    }
  }

  if (!mayAwait) for (const n of seen) if (n.awaitsDevice) throw new BackwardNeedsAwait();

  const callerMode = isGradEnabled();
  const executed: Node[] = [];
  setGradEnabled(createGraph);
  try {
    while (queue.size > 0) {
      const node = queue.pop();
      const grads = buffers.get(node) ?? [];
      buffers.delete(node);
      if (node.hooks) runHooks(node.hooks, grads);
      const cap = captureAt.get(node);
      if (cap) for (const [nr, i] of cap) captured[i] = grads[nr] ?? null;
      if (node.retained) {
        for (const [nr, ref] of node.retained) {
          const t = ref.deref();
          const g = grads[nr];
          if (t && g) t.grad = t.grad === null ? g.detach() : t.grad.add(g);
        }
      }
      if (node.variable !== null) {
        if (!opts.inputs) {
          accumulate(node.variable, grads[0] ?? null, createGraph);
          if (node.postHooks) runNodeHooks(node.postHooks, [], grads);
        }
      } else if (needed === null || needed.has(node)) {
        let outs: Grads;
        if (node.awaitsDevice) {
          const pending = node.applyAsync(grads);
          setGradEnabled(callerMode);
          outs = yield pending;
          setGradEnabled(createGraph);
        } else outs = node.apply(grads);
        if (node.postHooks) {
          // One gradient per next edge, None where the input needs none, as PyTorch passes them.
          const sent = node.next.map((e, i) => (e ? (outs[i] ?? null) : null));
          outs = runNodeHooks(node.postHooks, sent, grads);
        }
        executed.push(node);
        node.next.forEach((e, i) => {
          if (!e) return;
          const g = outs[i] ?? null;
          push(e.node, e.inputNr, g);
          const left = (deps.get(e.node) ?? 0) - 1;
          deps.set(e.node, left);
          if (left === 0) queue.push(e.node);
        });
      }
    }
    if (!retain) for (const n of executed) n.release();
  } finally {
    setGradEnabled(callerMode);
  }

  if (opts.accumulateInputs) {
    // Non-leaf inputs were given retain_grad() by the caller, as PyTorch does: theirs is set
    // as the pass reaches them.
    opts.inputs?.forEach((t, i) => {
      if (t.gradFn === null) accumulate(t, captured[i] ?? null, createGraph);
    });
    return captured;
  }
  if (opts.inputs && !opts.allowUnused) {
    captured.forEach((g) => {
      if (g === null) {
        throw runtimeError(
          "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.",
        );
      }
    });
  }
  return captured;
}

/** Applies tensor hooks in registration order; a hook's return value replaces the gradient. */
function runHooks(hooks: Map<number, GradHook[]>, grads: (Tensor | null)[]): void {
  for (const [nr, fns] of hooks) {
    for (const fn of fns) {
      const g = grads[nr];
      if (g === null || g === undefined) continue;
      const r = fn(g);
      if (r) grads[nr] = r;
    }
  }
}

/**
 * Runs a node's hooks in registration order on (gradInputs, gradOutputs); a hook's returned
 * array replaces gradInputs for the hooks after it and for the next nodes.
 */
function runNodeHooks(hooks: readonly NodeHook[], gradInputs: Grads, gradOutputs: Grads): Grads {
  let current = gradInputs;
  for (const fn of [...hooks]) {
    const r = fn(current, gradOutputs);
    if (r === undefined || r === null) continue;
    if (r.length !== current.length) {
      throw runtimeError(
        `hook '${fn.name || "<anonymous>"}' has returned an incorrect number of values (got ${r.length}, but expected ${current.length})`,
      );
    }
    current = Array.from(r, (g) => g ?? null);
  }
  return current;
}

/**
 * The nodes autograd.grad must run: those with an edge to a node that leads to an input. A node
 * where an input's gradient is captured need not run itself unless another input lies beyond it.
 * Children are settled before parents by an explicit post-order walk (no recursion).
 */
function neededNodes(seen: Set<Node>, captureAt: Map<Node, unknown>): Set<Node> {
  const leads = new Map<Node, boolean>();
  const needed = new Set<Node>();
  for (const start of seen) {
    if (leads.has(start)) continue;
    const stack: [Node, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [Node, number];
      const [n, i] = top;
      if (i === 0 && leads.has(n)) {
        stack.pop();
        continue;
      }
      if (i < n.next.length) {
        top[1] = i + 1;
        const e = n.next[i];
        if (e && !leads.has(e.node)) stack.push([e.node, 0]);
        continue;
      }
      stack.pop();
      let any = false;
      for (const e of n.next) if (e && leads.get(e.node)) any = true;
      if (any) needed.add(n);
      leads.set(n, any || captureAt.has(n));
    }
  }
  return needed;
}
