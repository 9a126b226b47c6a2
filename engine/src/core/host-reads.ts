// Synchronous host reads of tensors that live on a device that can only read asynchronously
// (WebGPU). Some ops need values on the host before they can even shape their result: nonzero,
// masked_select and bool-mask indexing (the output size), index range checks, an integer
// masked_fill mask, loss input checks. On such a device the read cannot block, so the op is
// replayed instead: the first attempt stops at its first read with `HostReadNeeded` (naming the
// tensor to read); the caller reads it asynchronously and runs the op again with that answer
// queued; each later attempt gets one read further, until the op completes. Ops are
// deterministic in their inputs, and every read an op makes comes before anything it writes,
// so a replay redoes only GPU work whose results were discarded.
//
// Python blocks on the reads through JSPI (engine/python/torch/_bridge.py `call`); TypeScript
// awaits them with `resolveReads(() => x.nonzero())`.
//
// Replays are refused where an attempt could have had effects before its read: inside backward
// (gradients already accumulated) and an optimizer's step. There a read raises the plain error.

import type { TypedArray } from "./dtype.ts";
import { runtimeError, TorchError } from "./errors.ts";

/** What a read needs to know of a tensor: how to read it asynchronously, and for messages. */
export interface HostReadable {
  readonly device: string;
  numel(): number;
  data(): Promise<TypedArray>;
}

/** Thrown by a synchronous read on a device that cannot; carries the tensor to read first. */
/**
 * The tensor each HostReadNeeded waits for (readNeededBy gives it), kept off the error itself:
 * whatever serialises the error (Vitest's report walks own and inherited properties, getters
 * included; a logger; a worker's message) must not walk the tensor and its autograd graph.
 */
const awaited = new WeakMap<HostReadNeeded, HostReadable>();

export class HostReadNeeded extends TorchError {
  constructor(tensor: HostReadable) {
    super(
      "RuntimeError",
      `synchronous read of a ${tensor.device} tensor is not possible; use \`await t.data()\`, or run the op in \`await resolveReads(() => ...)\` (in Python, reads block through JSPI)`,
    );
    awaited.set(this, tensor);
  }
}

let answers: readonly TypedArray[] | null = null;
let nextAnswer = 0;
let refusals = 0;

/**
 * The values of `t` for a synchronous read its backend could not serve: the next queued answer
 * during a replay, else HostReadNeeded (or a plain error where replaying is refused).
 */
export function hostRead(t: HostReadable): TypedArray {
  if (refusals > 0) {
    throw runtimeError(
      `synchronous read of a ${t.device} tensor is not possible here (inside backward or an optimizer step)`,
    );
  }
  if (answers !== null && nextAnswer < answers.length) {
    const a = answers[nextAnswer++] as TypedArray;
    if (a.length !== t.numel())
      throw runtimeError("internal error: a replayed host read does not match its tensor");
    return a;
  }
  throw new HostReadNeeded(t);
}

/**
 * Queues `queued` as the answers of the next synchronous reads, in order, until the returned
 * function restores what was queued before (for callers that cannot pass a closure: Python).
 */
export function beginReplay(queued: readonly TypedArray[]): () => void {
  const saved = [answers, nextAnswer] as const;
  answers = queued;
  nextAnswer = 0;
  return () => {
    [answers, nextAnswer] = saved;
  };
}

/** Runs fn with `queued` as the answers of its first synchronous reads, in order. */
export function withReplayedReads<T>(queued: readonly TypedArray[], fn: () => T): T {
  const restore = beginReplay(queued);
  try {
    return fn();
  } finally {
    restore();
  }
}

/** Runs fn where a replay could repeat effects: a synchronous device read raises plainly. */
export function withoutReplay<T>(fn: () => T): T {
  refusals++;
  try {
    return fn();
  } finally {
    refusals--;
  }
}

/** Whether a failed op may be run again (false inside backward or an optimizer step). */
export function replayAllowed(): boolean {
  return refusals === 0;
}

/** The tensor an error asks to have read, or null if it is some other error. */
export function readNeededBy(err: unknown): HostReadable | null {
  return err instanceof HostReadNeeded ? (awaited.get(err) ?? null) : null;
}

/**
 * Runs fn, an op that may read device tensors synchronously, to completion: each read it needs is
 * awaited and fn replayed with the answers so far. Resolves to fn's result.
 */
export async function resolveReads<T>(fn: () => T): Promise<T> {
  const queued: TypedArray[] = [];
  for (;;) {
    try {
      return withReplayedReads(queued, fn);
    } catch (err) {
      const t = readNeededBy(err);
      if (t === null) throw err;
      queued.push(await t.data());
    }
  }
}
