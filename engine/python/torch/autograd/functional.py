"""torch.autograd.functional: jacobian, hessian, vjp and jvp, built on autograd.grad.

Reverse mode, one backward pass per output element (PyTorch's default strategy, without
vectorize): right for the small functions a course differentiates.
"""

from .. import _functions as _F
from .._tensor import Tensor
from . import enable_grad, grad


def _as_tuple(x, arg_name, fn_name):
    """(whether x was a tuple, x as a tuple), with PyTorch's TypeError for anything else."""
    if not isinstance(x, tuple):
        if not isinstance(x, Tensor):
            raise TypeError(
                f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors "
                f"but the given {arg_name} has type {type(x)}."
            )
        return False, (x,)
    for i, t in enumerate(x):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors "
                f"but the value at index {i} has type {type(t)}."
            )
    return True, x


def _grad_preprocess(inputs, create_graph):
    # Fresh leaves that require grad, so the function's graph starts here.
    if create_graph:
        return tuple(x if x.requires_grad else x.view_as(x).requires_grad_(True) for x in inputs)
    return tuple(x.detach().requires_grad_(True) for x in inputs)


def _row(output_elem, inputs, create_graph):
    """d output_elem / d each input (zeros where it does not depend on one)."""
    if not output_elem.requires_grad:
        return [_F.zeros_like(x) for x in inputs]
    gs = grad(output_elem, inputs, retain_graph=True, create_graph=create_graph, allow_unused=True)
    return [_F.zeros_like(x) if g is None else g for x, g in zip(inputs, gs)]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    if strategy != "reverse-mode" or vectorize:
        raise NotImplementedError("jacobian: only strategy='reverse-mode' without vectorize is supported")
    inputs_is_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
    with enable_grad():
        inputs = _grad_preprocess(inputs, create_graph)
        outputs = func(*inputs)
        outputs_is_tuple, outputs = _as_tuple(
            outputs, "outputs of the user-provided function", "jacobian"
        )
        jac = []
        for i, out in enumerate(outputs):
            flat = out.reshape(-1)
            rows = [_row(flat[k], inputs, create_graph) for k in range(flat.numel())]
            per_input = []
            for j, x in enumerate(inputs):
                if strict and out.numel() > 0 and all(
                    not r[j].requires_grad and not bool(r[j].ne(0).any()) for r in rows
                ) and not out.requires_grad:
                    raise RuntimeError(
                        f"Output {i} of the user-provided function is independent of input {j}. "
                        "This is not allowed in strict mode."
                    )
                if rows:
                    block = _F.stack([r[j] for r in rows])
                else:
                    block = _F.zeros(0, *x.shape, dtype=x.dtype, device=x.device)
                j_ij = block.reshape(*out.shape, *x.shape)
                per_input.append(j_ij if create_graph else j_ij.detach())
            jac.append(tuple(per_input))
    if not outputs_is_tuple and not inputs_is_tuple:
        return jac[0][0]
    if not outputs_is_tuple:
        return jac[0]
    if not inputs_is_tuple:
        return tuple(j[0] for j in jac)
    return tuple(jac)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    inputs_is_tuple, tupled = _as_tuple(inputs, "inputs", "hessian")

    def scalar_func(*xs):
        out = func(*xs)
        if not isinstance(out, Tensor) or out.numel() != 1:
            raise RuntimeError(
                "The function given to hessian should return a single element Tensor"
            )
        return out.reshape(())

    def jac_func(*xs):
        return jacobian(scalar_func, xs if inputs_is_tuple else xs[0], create_graph=True)

    return jacobian(jac_func, inputs, create_graph=create_graph, strict=strict)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J): the vector-Jacobian product, by one backward pass."""
    inputs_is_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
    with enable_grad():
        inputs = _grad_preprocess(inputs, create_graph)
        outputs = func(*inputs)
        outputs_is_tuple, outputs = _as_tuple(
            outputs, "outputs of the user-provided function", "vjp"
        )
        if v is None:
            if len(outputs) != 1 or outputs[0].numel() != 1:
                raise RuntimeError(
                    "The vector v can only be None if the user-provided function returns a "
                    "single Tensor with a single element."
                )
            vs = (None,)
        else:
            _, vs = _as_tuple(v, "v", "vjp")
        needed = [(o, g) for o, g in zip(outputs, vs) if o.requires_grad]
        if needed:
            gs = grad(
                [o for o, _ in needed],
                inputs,
                grad_outputs=[g for _, g in needed],
                create_graph=create_graph,
                allow_unused=True,
            )
        else:
            gs = [None] * len(inputs)
        result = tuple(
            _F.zeros_like(x) if g is None else (g if create_graph else g.detach())
            for x, g in zip(inputs, gs)
        )
    outs = tuple(o.detach() if not create_graph else o for o in outputs)
    return (outs if outputs_is_tuple else outs[0]), (result if inputs_is_tuple else result[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v): the Jacobian-vector product, from the Jacobian's rows."""
    inputs_is_tuple, tupled = _as_tuple(inputs, "inputs", "jvp")
    if v is None:
        if len(tupled) != 1 or tupled[0].numel() != 1:
            raise RuntimeError(
                "The vector v can only be None if the input to the user-provided function is a "
                "single Tensor with a single element."
            )
        vs = (_F.ones_like(tupled[0]),)
    else:
        _, vs = _as_tuple(v, "v", "jvp")
    with enable_grad():
        xs = _grad_preprocess(tupled, create_graph)
        outputs = func(*xs)
    outputs_is_tuple, outs = _as_tuple(outputs, "outputs of the user-provided function", "jvp")
    jac = jacobian(func, tupled if inputs_is_tuple else tupled[0], create_graph=create_graph)
    if not outputs_is_tuple:
        jac = (jac,)
    if not inputs_is_tuple:
        jac = tuple((j,) for j in jac)
    products = []
    for o, per_input in zip(outs, jac):
        total = None
        for j_ij, vec in zip(per_input, vs):
            term = (j_ij.reshape(o.numel(), vec.numel()) @ vec.reshape(-1)).reshape(o.shape)
            total = term if total is None else total + term
        products.append(total)
    detached = tuple(o.detach() for o in outs)
    return (
        detached if outputs_is_tuple else detached[0],
        tuple(products) if outputs_is_tuple else products[0],
    )
