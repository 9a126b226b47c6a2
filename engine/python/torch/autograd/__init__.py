"""torch.autograd: backward() and grad() over the engine's autograd, plus grad modes."""

import _torchlit as engine

from pyodide.ffi import JsException

from .._bridge import options, to_js, translate, wait, wrap
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .variable import Variable


def _seq(x):
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _grads(outputs, grad_outputs):
    from .._functions import ones_like

    grads = []
    for i, (out, g) in enumerate(zip(outputs, grad_outputs)):
        if g is None:
            if not out.requires_grad:
                raise RuntimeError(
                    f"element {i} of tensors does not require grad and does not have a grad_fn"
                )
            if out.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            g = ones_like(out)
        grads.append(g._js)
    return to_js(grads)


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
    outs = _seq(tensors)
    gs = _seq(grad_tensors) if grad_tensors is not None else [None] * len(outs)
    opts = options(retainGraph=retain_graph, createGraph=create_graph or None)
    _run_backward(to_js([t._js for t in outs]), _grads(outs, gs), opts)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=False):  # fmt: skip
    outs = _seq(outputs)
    ins = _seq(inputs)
    gs = _seq(grad_outputs) if grad_outputs is not None else [None] * len(outs)
    opts = options(
        retainGraph=retain_graph,
        createGraph=create_graph or None,
        allowUnused=allow_unused or None,
    )
    opts.inputs = to_js([t._js for t in ins])
    result = _run_backward(to_js([t._js for t in outs]), _grads(outs, gs), opts)
    return tuple(wrap(g) for g in result)


from . import functional  # noqa: E402 (uses grad above)
from .function import Function  # noqa: E402
from .gradcheck import gradcheck, gradgradcheck  # noqa: E402 (the function shadows its module)

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
