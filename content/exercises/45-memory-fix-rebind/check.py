from tl_check import *


def check(ns, run):
    weights = expect_tensor(get(ns, "weights"), "weights")
    expect(same_object(weights, run.given["weights"]), "mem-caller-rebound")
    expect(not close(weights, [1.0, 2.0, 3.0]), "mem-local-rebind")
    expect_close(weights, [0.5, 1.0, 1.5], "weights")
    updates = get(ns, "updates")
    expect(
        isinstance(updates, list)
        and len(updates) == 2
        and close(updates[0], [1.0, 0.0, 1.0])
        and close(updates[1], [0.0, 2.0, 2.0]),
        "mem-updates-changed",
    )
    # The function itself, on a tensor of the check's own: it must change its argument in place.
    apply_updates = get(ns, "apply_updates")
    t = torch.tensor([10.0, 10.0])
    try:
        apply_updates(t, [torch.tensor([2.0, 4.0])])
    except Exception as exc:
        raise Feedback("mem-function-not-inplace", error=f"{type(exc).__name__}: {exc}")
    expect(close(t, [9.0, 8.0]), "mem-function-not-inplace", error=f"t = {t.tolist()}")
