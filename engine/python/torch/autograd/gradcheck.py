"""torch.autograd.gradcheck and gradgradcheck: a backward pass checked against finite differences.

PyTorch 1.13's slow mode (torch/autograd/gradcheck.py), the one its documentation describes:
for every input that requires grad and every element of it, the function is evaluated at
x - eps and x + eps (the element perturbed in place through `.data`, so no graph sees it), and
the central difference (f(x + eps) - f(x - eps)) / (2 eps) is that element's column of the
numerical Jacobian. The analytical Jacobian is built row by row from vector-Jacobian products,
`autograd.grad(output, inputs, e_i)` for each one-hot e_i, twice over to catch a backward that is
not reentrant. They must agree as `allclose(analytical, numerical, rtol, atol)` does; then a zero
grad_output must give zero gradients (a backward that forgets to multiply by its incoming
gradient fails here). Failures raise GradcheckError with PyTorch's texts, or return False with
raise_exception=False.

Where Torchlit differs: `fast_mode=True` runs the slow mode (the full Jacobians: the same verdict,
more evaluations, and PyTorch's slow-mode message on a failure); the undefined-gradient check
(`check_undefined_grad`) sends zero gradients, which is what an undefined gradient becomes for a
custom Function (ctx.set_materialize_grads defaults to True) and for the engine's own backward
formulas; forward-mode AD and vmap (`check_forward_ad`, `check_batched_grad`,
`check_batched_forward_grad`) are not in the engine and raise NotInTorchlitError when asked for.
"""

import warnings
from itertools import product

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Error raised by gradcheck and gradgradcheck."""


GradcheckError.__module__ = "torch.autograd.gradcheck"


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _is_tensor(x):
    import torch

    return isinstance(x, torch.Tensor)


def _differentiable_inputs(inputs):
    return [t for t in inputs if _is_tensor(t) and t.requires_grad]


def _differentiable_outputs(outputs):
    return tuple(o for o in _as_tuple(outputs) if o.requires_grad)


def _check_inputs(inputs):
    found = False
    for idx, inp in enumerate(inputs):
        if not (_is_tensor(inp) and inp.requires_grad):
            continue
        import torch

        if inp.dtype != torch.float64:  # (PyTorch: or complex128, which the engine lacks)
            warnings.warn(
                f"Input #{idx} requires gradient and "
                "is not a double precision floating point or complex. "
                "This check will likely fail if all the inputs are "
                "not of double precision floating point or complex. "
            )
        if not all(st > 0 or sz <= 1 for st, sz in zip(inp.stride(), inp.size())):
            raise RuntimeError(
                f"The {idx}th input has a dimension with stride 0. gradcheck only "
                "supports inputs that are non-overlapping to be able to "
                "compute the numerical gradients correctly. You should call "
                ".contiguous on the input before passing it to gradcheck."
            )
        found = True
        inp.retain_grad()
    if not found:
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, "
            "but none of the them have requires_grad=True."
        )


def _check_same_shape(a, b, idx, eps):
    assert a.shape == b.shape, (
        f"Expected `func` to return outputs with the same shape"
        f" when inputs are perturbed on index {idx} by {eps}, but got:"
        f" shapes {a.shape} and {b.shape}."
    )
    assert a.dtype == b.dtype, (
        f"Expected `func` to return outputs with the same dtype"
        f" when inputs are perturbed on index {idx} by {eps}, but got:"
        f" dtypes {a.dtype} and {b.dtype}."
    )


def _numerical_jacobians(func, inputs, func_out, eps):
    """For each differentiable input, one (numel(input), numel(output)) matrix per output that is
    a floating-point tensor: row k holds the central differences of every output element when
    element k of the input moves by eps."""
    import torch

    outs = [o for o in _as_tuple(func_out) if _is_tensor(o) and o.is_floating_point()]
    result = []
    for inp in _differentiable_inputs(inputs):
        data = inp.data  # the same storage, outside the graph: perturbing it bumps no version
        cols = [inp.new_zeros((inp.numel(), o.numel())) for o in outs]
        for k, idx in enumerate(product(*[range(n) for n in data.size()])):
            entry = data[idx]
            orig = entry.clone()
            entry.copy_(orig - eps)
            below = [o for o in _as_tuple(func(*inputs)) if _is_tensor(o) and o.is_floating_point()]
            entry.copy_(orig + eps)
            above = [o for o in _as_tuple(func(*inputs)) if _is_tensor(o) and o.is_floating_point()]
            entry.copy_(orig)
            for col, a, b in zip(cols, below, above):
                _check_same_shape(a, b, idx, eps)
                col[k] = ((b - a) / (2 * eps)).detach().reshape(-1)
        result.append(tuple(cols))
    # result[input][output] -> transposed to [output][input], as PyTorch reports them
    return [tuple(r[i] for r in result) for i in range(len(outs))] if result else []


def _analytical_rows(output, diff_inputs):
    """Row j of each input's analytical Jacobian: the gradient for a one-hot grad_output e_j."""
    import torch

    base = torch.zeros_like(output)
    flat = base.view(-1)
    rows = [[] for _ in diff_inputs]
    for j in range(flat.numel()):
        flat.zero_()
        flat[j] = 1.0
        grads = torch.autograd.grad(
            output, diff_inputs, base, retain_graph=True, allow_unused=True
        )
        for r, g in zip(rows, grads):
            r.append(g.clone() if _is_tensor(g) else None)
    return rows


def _stack_rows(rows, diff_inputs, numel_out):
    """(jacobians, sizes_ok): each input's (numel(input), numel(output)) analytical Jacobian."""
    jacobians = []
    sizes_ok = True
    for inp, per_row in zip(diff_inputs, rows):
        jac = inp.new_zeros((inp.numel(), numel_out))
        for j, g in enumerate(per_row):
            if g is None:
                continue
            if g.size() != inp.size():
                sizes_ok = False
                continue
            jac[:, j] = g.reshape(-1)
        jacobians.append(jac)
    return jacobians, sizes_ok


def _analytical_jacobians(inputs, output, nondet_tol):
    diff_inputs = _differentiable_inputs(inputs)
    first, sizes_ok = _stack_rows(_analytical_rows(output, diff_inputs), diff_inputs, output.numel())
    second, _ = _stack_rows(_analytical_rows(output, diff_inputs), diff_inputs, output.numel())
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    for a, b in zip(first, second):
        if a.numel() != 0 and (a - b).abs().max() > nondet_tol:
            raise GradcheckError(
                "Backward is not reentrant, i.e., running backward with "
                "same input and grad_output multiple times gives different values, "
                "although analytical gradient matches numerical gradient."
                f"The tolerance for nondeterminism was {nondet_tol}."
            )
    return first


def _mismatch(analytical, numerical, output_idx, input_idx):
    return (
        f"Jacobian mismatch for output {output_idx} with respect to input {input_idx},\n"
        f"numerical:{numerical}\nanalytical:{analytical}\n"
    )


def _check_backward_mul_by_grad_output(outputs, inputs):
    import torch

    diff_inputs = _differentiable_inputs(inputs)
    if not diff_inputs:
        raise GradcheckError("no Tensors requiring grad found in input")
    grads = torch.autograd.grad(
        outputs, diff_inputs, [torch.zeros_like(o) for o in outputs], allow_unused=True
    )
    for gi, di in zip(grads, diff_inputs):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype != di.dtype or gi.device != di.device:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")


def _not_in_torchlit(flag):
    from .._missing import NotInTorchlitError

    return NotInTorchlitError(
        f"gradcheck({flag}=True) is part of PyTorch, but Torchlit's engine does not have "
        "forward-mode AD or vmap yet"
    )


def _gradcheck(func, inputs, eps, atol, rtol, nondet_tol):
    import torch

    inputs = _as_tuple(inputs)
    _check_inputs(inputs)
    func_out = func(*inputs)
    outputs = _differentiable_outputs(func_out)
    numerical = _numerical_jacobians(func, inputs, func_out, eps)
    if not outputs:
        for per_output in numerical:
            for jac in per_output:
                if torch.ne(jac, 0).sum() > 0:
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return True
    floats = [o for o in _as_tuple(func_out) if _is_tensor(o) and o.is_floating_point()]
    numerical = [n for o, n in zip(floats, numerical) if o.requires_grad]
    for i, out in enumerate(outputs):
        analytical = _analytical_jacobians(inputs, out, nondet_tol)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            if not torch.allclose(a, n.to(a.device), rtol, atol):
                raise GradcheckError(_mismatch(a, n, i, j))
    _check_backward_mul_by_grad_output(outputs, inputs)
    return True


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              check_sparse_nnz=False, nondet_tol=0.0, check_undefined_grad=True,
              check_grad_dtypes=False, check_batched_grad=False, check_batched_forward_grad=False,
              check_forward_ad=False, check_backward_ad=True, fast_mode=False):  # fmt: skip
    """True when func's backward agrees with central differences at `inputs` (float64 inputs:
    the default tolerances are made for double precision)."""
    assert check_forward_ad or check_backward_ad, (
        "Expected at least one of check_forward_ad or check_backward_ad to be True"
    )
    assert not (check_batched_grad and not check_backward_ad), (
        "Setting check_batched_grad=True requires check_backward_ad to be True"
    )
    assert not (check_batched_forward_grad and not check_forward_ad), (
        "Setting check_batched_forward_grad=True requires check_forward_ad to be True"
    )
    for flag, on in (
        ("check_forward_ad", check_forward_ad),
        ("check_batched_grad", check_batched_grad),
        ("check_batched_forward_grad", check_batched_forward_grad),
    ):
        if on:
            raise _not_in_torchlit(flag)
    try:
        return _gradcheck(func, inputs, eps, atol, rtol, nondet_tol)
    except GradcheckError:
        if raise_exception:
            raise
        return False


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False):  # fmt: skip
    """gradcheck of the gradient itself: the backward pass, built with create_graph=True, checked
    against finite differences of itself, with respect to the inputs and the grad_outputs."""
    import torch

    if check_fwd_over_rev:
        raise _not_in_torchlit("check_fwd_over_rev")
    inputs = _as_tuple(inputs)
    if grad_outputs is None:
        # random grad_outputs, float64 like the outputs they stand in for, that require grad
        outputs = _differentiable_outputs(func(*inputs))
        grad_outputs = tuple(
            torch.randn(o.shape, dtype=o.dtype, device=o.device).requires_grad_() for o in outputs
        )
    else:
        grad_outputs = _as_tuple(grad_outputs)
    n_in = len(inputs)
    diff_idx = [i for i, t in enumerate(inputs) if _is_tensor(t) and t.requires_grad]

    def new_func(*args):
        ins = args[:n_in]
        outs = _differentiable_outputs(func(*ins))
        diff = [ins[i] for i in diff_idx]
        grads = torch.autograd.grad(
            outs, diff, args[n_in:], create_graph=True, allow_unused=True
        )
        return tuple(g for g in grads if g is not None)

    return gradcheck(
        new_func, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
        raise_exception=raise_exception, nondet_tol=nondet_tol,
    )  # fmt: skip
