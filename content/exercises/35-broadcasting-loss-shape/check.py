from tl_check import *

N = 4
TRUE_LOSS = 0.25  # predictions 2, 4, 6, 8 against targets 2.5, 3.5, 6.5, 8.5: every error is 0.5


def check(ns, run):
    diff = expect_tensor(get(ns, "diff"), "diff")
    if diff.numel() == N * N:  # every prediction against every target
        y = ns.get("y")
        given_y = run.given["y"]
        if isinstance(y, torch.Tensor) and tuple(y.shape) == (1, N):
            raise Feedback("bc-loss-row")
        if (isinstance(y, torch.Tensor) and not same_object(y, given_y)
                and tuple(y.shape) == (N,) and shares_memory(y, given_y)):
            raise Feedback("bc-loss-t-1d")  # y = y.t() (or y.T): a new view, the same shape
        raise Feedback("bc-loss-matrix", actual=list(diff.shape))
    expect(diff.numel() == N, "bc-loss-diff-size", actual=list(diff.shape))
    loss = get(ns, "loss")
    expect_close(loss, TRUE_LOSS, "loss")
