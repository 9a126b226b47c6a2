"""torch.autograd: backward() and grad() over the engine's autograd, plus grad modes."""

import _torchlit as engine

from pyodide.ffi import JsException

from .._bridge import options, to_js, translate, wait, wrap
from .._tensor import Tensor
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .variable import Variable


def _tensor_or_tensors_to_tuple(tensors, length):
    if tensors is None:
        return (None,) * length
    if isinstance(tensors, Tensor):
        return (tensors,)
    return tuple(tensors)


def _make_grads(outputs, grads):
    """PyTorch's _make_grads, message for message: each given gradient must have its output's
    shape (list.index names the position, comparing with == as PyTorch does), and a missing one
    is ones for a scalar output. zip() drops extra gradients, as in PyTorch."""
    from .._functions import ones_like

    new_grads = []
    for out, grad in zip(outputs, grads):
        if isinstance(grad, Tensor):
            if not out.shape == grad.shape:
                raise RuntimeError(
                    "Mismatch in shape: grad_output[" + str(grads.index(grad)) + "] has a shape of "
                    + str(grad.shape) + " and output[" + str(outputs.index(out)) + "] has a shape of "
                    + str(out.shape) + "."
                )  # fmt: skip
            new_grads.append(grad)
        elif grad is None:
            if out.requires_grad:
                if out.numel() != 1:
                    raise RuntimeError("grad can be implicitly created only for scalar outputs")
                new_grads.append(ones_like(out))
            else:
                new_grads.append(None)
        else:
            raise TypeError("gradients can be either Tensors or None, but got " + type(grad).__name__)
    return tuple(new_grads)


def _root_grads(outputs, grads):
    """The checks of PyTorch's C++ run_backward, then the gradients as engine tensors."""
    if len(outputs) != len(grads):
        raise RuntimeError(f"got {len(outputs)} tensors and {len(grads)} gradients")
    for i, out in enumerate(outputs):
        if not out.requires_grad:
            raise RuntimeError(
                f"element {i} of tensors does not require grad and does not have a grad_fn"
            )
    return to_js([g._js for g in grads])


def _zero_grads(params, set_to_none=False):
    """Module.zero_grad and Optimizer.zero_grad: each grad set to None, or detached and zeroed."""
    for p in params:
        if p.grad is None:
            continue
        if set_to_none:
            p.grad = None
            continue
        g = p.grad
        if g.grad_fn is not None:
            g.detach_()
        else:
            g.requires_grad_(False)
        g.zero_()


def _run_backward(roots, grads, opts):
    """The engine's backward pass; a graph whose gradient comes back from a GPU to the CPU is
    run asynchronously, blocking on its reads through JSPI."""
    try:
        return engine.runBackward(roots, grads, opts)
    except JsException as exc:
        if not engine.backwardNeedsAwait(exc.js_error):
            raise translate(exc) from None
    return wait(lambda: engine.runBackwardAsync(roots, grads, opts))


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    if inputs is not None and len(inputs) == 0:
        raise RuntimeError("'inputs' argument to backward() cannot be empty.")
    outs = (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)
    gs = _make_grads(outs, _tensor_or_tensors_to_tuple(grad_tensors, len(outs)))
    opts = options(retainGraph=retain_graph, createGraph=create_graph or None)
    if inputs is not None:
        # Only these tensors' .grad receive their gradients; PyTorch's run_backward first calls
        # retain_grad() on each (so a non-leaf keeps its gradient, and one that needs no grad
        # is refused with retain_grad's message).
        ins = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
        for t in ins:
            t.retain_grad()
        opts.inputs = to_js([t._js for t in ins])
        opts.accumulateInputs = True
    if create_graph:
        _warn_create_graph_cycle()
    _run_backward(to_js([t._js for t in outs]), _root_grads(outs, gs), opts)


_CYCLE_WARNED = False


def _warn_create_graph_cycle():
    """PyTorch's TORCH_WARN_ONCE for backward(create_graph=True): once per process."""
    global _CYCLE_WARNED
    if _CYCLE_WARNED:
        return
    _CYCLE_WARNED = True
    import warnings

    warnings.warn(
        "Using backward() with create_graph=True will create a reference cycle between the "
        "parameter and its gradient which can cause a memory leak. We recommend using "
        "autograd.grad when creating the graph to avoid this. If you have to use this function, "
        "make sure to reset the .grad fields of your parameters to None after use to break the "
        "cycle and avoid the leak. (Triggered internally at  ./torch/csrc/autograd/engine.cpp:1059.)",
        stacklevel=2,
    )


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=False):  # fmt: skip
    outs = (outputs,) if isinstance(outputs, Tensor) else tuple(outputs)
    ins = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    gs = _make_grads(outs, _tensor_or_tensors_to_tuple(grad_outputs, len(outs)))
    opts = options(
        retainGraph=retain_graph,
        createGraph=create_graph or None,
        allowUnused=allow_unused or None,
    )
    opts.inputs = to_js([t._js for t in ins])
    result = _run_backward(to_js([t._js for t in outs]), _root_grads(outs, gs), opts)
    return tuple(wrap(g) for g in result)


from . import functional  # noqa: E402 (uses grad above)
from .function import Function  # noqa: E402
from .gradcheck import gradcheck, gradgradcheck  # noqa: E402 (the function shadows its module)

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
