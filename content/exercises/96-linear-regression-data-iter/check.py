from tl_check import *

# The check's own data set: 23 examples in batches of 5, so the last batch holds 3.
# Row i of the features is [i, 100 + i] and its label is i, so every batch tells which
# examples it holds and whether each row still sits next to its own label.
N, BATCH = 23, 5
SIZES = [5, 5, 5, 5, 3]


def explain_error(exc):
    # `for X, y in data_iter(...)` unpacks each item into two: a `return` hands back one
    # (X, y) tuple, and iterating over that unpacks the rows of X and y instead.
    if isinstance(exc, ValueError) and "values to unpack" in str(exc):
        return "lr-iter-not-pairs"
    return None


def _data():
    idx = torch.arange(float(N))
    return torch.stack([idx, idx + 100.0], dim=1), idx.reshape(-1, 1)


def _one_epoch(data_iter):
    """The (X, y) pairs of one call of the reader's iterator on the check's data."""
    features, labels = _data()
    try:
        result = data_iter(BATCH, features, labels)
        expect(not isinstance(result, tuple), "lr-iter-not-pairs")
        batches = list(result)
    except Feedback:
        raise
    except Exception as exc:  # the reader's function failed on the check's data
        raise Feedback("code-raised", type=type(exc).__name__, message=str(exc))
    for item in batches:
        expect(isinstance(item, (tuple, list)) and len(item) == 2
               and all(isinstance(t, torch.Tensor) for t in item), "lr-iter-not-pairs")
    return batches


def _order(batches):
    return [round(v) for _, y in batches for v in y.reshape(-1).tolist()]


def check(ns, run):
    data_iter = get(ns, "data_iter")
    expect(callable(data_iter), "lr-iter-not-function")
    torch.manual_seed(1)
    first = _one_epoch(data_iter)
    for X, y in first:
        expect(X.dim() == 2 and tuple(X.shape)[1:] == (2,) and y.dim() == 2
               and tuple(y.shape)[1:] == (1,) and len(X) == len(y), "lr-iter-batch-shape",
               x_shape=list(X.shape), y_shape=list(y.shape))
    for X, y in first:
        expect(close(X[:, 0], y[:, 0]), "lr-iter-unpaired")
    order = _order(first)
    expect(len(set(order)) == len(order), "lr-iter-repeats")
    missing = N - len(order)
    if missing:
        dropped_last = missing == N % BATCH and all(len(y) == BATCH for _, y in first)
        expect(not dropped_last, "lr-iter-drops-last", missing=missing)
        expect(False, "lr-iter-missing", found=N - missing, n=N)
    expect([len(y) for _, y in first] == SIZES, "lr-iter-batch-sizes",
           sizes=[len(y) for _, y in first], expected=SIZES)
    expect(order != list(range(N)), "lr-iter-not-shuffled")
    # A second epoch, with no reseeding in between, must come in another order.
    expect(_order(_one_epoch(data_iter)) != order, "lr-iter-same-order")
