from tl_check import *

# f(x) = (x0^2 x1, x1 - 2 x2, x0 x2) at x = (1, 2, 3), v = (1, -1, 2):
JAC = [[4.0, 1.0, 0.0], [0.0, 1.0, -2.0], [3.0, 0.0, 1.0]]
VJ = [10.0, 0.0, 4.0]  # v^T J, a weighted sum of J's rows
JV = [3.0, -5.0, 5.0]  # J v, what J @ v gives
ONES_J = [7.0, 2.0, -1.0]  # the plain sum of J's rows: v replaced by ones


def explain_error(exc):
    if "grad can be implicitly created only for scalar outputs" in str(exc):
        return "jac-backward-needs-v"
    return None


def check(ns, run):
    x = get(ns, "x")
    expect(same_object(x, run.given["x"]) and close(x, [1.0, 2.0, 3.0]), "changed-input", name="x")
    expect(x.grad is not None, "jac-no-backward-v")
    expect(not close(x.grad, ONES_J), "jac-ones-not-v")
    expect(not close(x.grad, [2 * g for g in VJ]), "jac-grad-accumulated")
    expect_grad(x, VJ, "x")
    J = expect_tensor(get(ns, "J"), "J")
    expect(not close(J, [list(r) for r in zip(*JAC)]), "jac-transposed")
    expect_shape(J, (3, 3), "J")
    expect_close(J, JAC, "J")
    vJ = expect_tensor(get(ns, "vJ"), "vJ")
    expect(not close(vJ, JV), "jac-jv-not-vjp")
    expect_shape(vJ, (3,), "vJ")
    expect_close(vJ, VJ, "vJ")
