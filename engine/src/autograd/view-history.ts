// Which views have a stale grad_fn. An in-place op that rewrites a base's history (CopySlices on
// the base, or an in-place op on the base itself) moves the base to a new epoch; a view made
// earlier gets its grad_fn regenerated as AsStridedBackward0 over the base's new history when it
// is next used, as PyTorch does lazily on grad_fn access. Only bookkeeping lives here: the
// regeneration itself (which allocates tensors) is registered by ops/helpers.ts.
import type { Tensor } from "../tensor.ts";

const baseEpoch = new WeakMap<Tensor, number>();
const viewEpoch = new WeakMap<Tensor, number>();
let refresher: ((view: Tensor) => void) | null = null;

/** Marks that `base`'s history was rewritten in place: every older view of it is now stale. */
export function bumpHistory(base: Tensor): void {
  baseEpoch.set(base, (baseEpoch.get(base) ?? 0) + 1);
}

/** Records that `view`'s grad_fn matches its base's current history. */
export function stampView(view: Tensor): void {
  if (view.base !== null) viewEpoch.set(view, baseEpoch.get(view.base) ?? 0);
}

/** Whether `view` was made (or last refreshed) before its base's history was rewritten. */
export function isStale(view: Tensor): boolean {
  if (view.base === null) return false;
  const stamp = viewEpoch.get(view);
  // A view made outside makeView carries no stamp; treat it as current.
  return stamp !== undefined && stamp !== (baseEpoch.get(view.base) ?? 0);
}

export function setViewRefresher(fn: (view: Tensor) => void): void {
  refresher = fn;
}

/** Brings a stale view's grad_fn up to date (a no-op for tensors that are not stale views). */
export function refreshView(t: Tensor | null | undefined): void {
  if (t && refresher !== null && isStale(t)) refresher(t);
}
