from tl_check import *

# f(x) = (x0 x1 x2, x0 + 2 x1^2) at x = (1, 2, 3)
JAC = [[6.0, 3.0, 2.0], [1.0, 8.0, 0.0]]
SUM = [7.0, 11.0, 2.0]  # row 1 + row 2: what a vector of ones gives


def explain_error(exc):
    if "backward through the graph a second time" in str(exc):
        return "jac-rows-retain-graph"
    return None


def check(ns, run):
    x = get(ns, "x")
    expect(same_object(x, run.given["x"]) and close(x, [1.0, 2.0, 3.0]), "changed-input", name="x")
    J = expect_tensor(get(ns, "J"), "J")
    expect(not close(J, [list(r) for r in zip(*JAC)]), "jac-rows-transposed")
    expect_shape(J, (2, 3), "J")
    expect(not close(J, [JAC[0], SUM]), "jac-rows-accumulated")
    expect(not close(J, [SUM, SUM]), "jac-rows-all-sum")
    # rows that are all x.grad itself, changed in place after they were appended
    expect(not close(J, [[0.0] * 3] * 2) and not close(J, [JAC[1], JAC[1]]), "jac-rows-aliased")
    expect_close(J, JAC, "J")
