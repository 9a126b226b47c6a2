from tl_check import *


def _fd(f, x, h, central):
    cols = []
    for j in range(x.numel()):
        e_j = torch.zeros_like(x)
        e_j[j] = h
        if central:
            cols.append((f(x + e_j) - f(x - e_j)) / (2 * h))
        else:
            cols.append((f(x + e_j) - f(x)) / h)
    return torch.stack(cols, dim=1)


def check(ns, run):
    f, x, h, J = (run.given[k] for k in ("f", "x", "h", "J"))
    expect(same_object(get(ns, "x"), x) and close(x, [1.0, 0.5]), "changed-input", name="x")
    expect(close(get(ns, "J"), J), "changed-input", name="J")
    J_fd = expect_tensor(get(ns, "J_fd"), "J_fd")
    expect_shape(J_fd, (2, 2), "J_fd")
    expect(J_fd.dtype == torch.float64, "jac-fd-float32")
    exact = J.tolist()
    expect(not close(J_fd, [list(r) for r in zip(*exact)], atol=1e-6), "jac-fd-transposed")
    expect(not close(J_fd, [[2 * a for a in r] for r in exact], atol=1e-5), "jac-fd-divide-by-h")
    expect(not close(J_fd, _fd(f, x, h, central=False), atol=1e-9), "jac-fd-forward")
    expect_close(J_fd, exact, "J_fd", atol=1e-6)
    err = get(ns, "err")
    expect(close(err, (J_fd - J).abs().max().item(), atol=1e-12) and float(err) < 1e-6,
           "jac-fd-err-stale")
