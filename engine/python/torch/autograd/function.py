"""torch.autograd.Function: operations with a forward and a backward written in Python.

apply() runs forward without recording, then, when grad mode is on and an input requires grad,
records one graph node (named <Class>Backward, as in PyTorch) whose backward calls the class's
backward with the outputs' gradients.
"""

import builtins

import _torchlit as engine
from pyodide.ffi import create_proxy, jsnull, to_js

from .._bridge import call, wrap
from .._tensor import Tensor
from .grad_mode import is_grad_enabled, no_grad


class FunctionCtx:
    """The `ctx` forward and backward share: saved tensors and whatever else forward sets."""

    def __init__(self):
        self._saved = ()
        self._non_differentiable = ()
        self.materialize_grads = True
        self.needs_input_grad = ()

    def save_for_backward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, Tensor):
                raise TypeError("save_for_backward can only save variables, but argument 0 is of type "
                                f"{type(t).__name__}")  # fmt: skip
        self._saved = tensors

    @property
    def saved_tensors(self):
        return tuple(self._saved)

    def mark_dirty(self, *tensors):
        pass

    def mark_non_differentiable(self, *tensors):
        # Accepted; their gradients simply arrive as zeros (or None) in backward.
        self._non_differentiable = tensors

    def set_materialize_grads(self, value):
        self.materialize_grads = builtins.bool(value)


def _input_grads(node_name, result, args, metas):
    """What backward returned, checked as PyTorch's PyNode::apply does: extra trailing gradients
    are dropped when all are None; the count must then match forward's inputs; a tensor input's
    gradient is a Tensor or None, any other input's is None. Each is then fitted to its input
    (validate_outputs). Returns the tensor inputs' gradients as engine tensors."""
    result = result if isinstance(result, tuple) else (result,)
    n_args = len(args)
    if len(result) > n_args and all(r is None for r in result[n_args:]):
        result = result[:n_args]
    if len(result) != n_args:
        raise RuntimeError(
            f"function {node_name} returned an incorrect number of gradients "
            f"(expected {n_args}, got {len(result)})"
        )
    js = []
    for i, (r, a) in enumerate(zip(result, args)):
        if isinstance(a, Tensor):
            if r is not None and not isinstance(r, Tensor):
                raise RuntimeError(f"expected Variable or None (got {type(r).__name__})")
            if r is not None:
                r = _fit_grad(node_name, len(js), r, metas[len(js)])
            js.append(None if r is None else r._js)
        elif r is not None:
            raise RuntimeError(
                f"function {node_name} returned a gradient different than None at position {i + 1}, "
                "but the corresponding forward input was not a Variable"
            )
    return js


def _fit_grad(node_name, index, grad, meta):
    """PyTorch's validate_outputs for one input: a gradient its input's shape broadcasts to is
    summed down to it, another shape is an error; the dtype is cast; a 0-dim gradient moves to the
    input's device, another on a different device is an error. An input that did not require grad
    takes no gradient, so nothing is checked."""
    shape, dtype, device, requires_grad = meta
    if not requires_grad:
        return None
    if grad.shape != shape:
        lead = grad.dim() - len(shape)
        if lead < 0 or any(s != g and s != 1 for s, g in zip(shape, grad.shape[lead:])):
            raise RuntimeError(
                f"Function {node_name} returned an invalid gradient at index {index} - got "
                f"{list(grad.shape)} but expected shape compatible with {list(shape)}"
            )
        # at::sum_to: one keepdim sum over the leading dims and the broadcast ones, then a view.
        dims = list(range(lead))
        dims += [lead + i for i, s in enumerate(shape) if s == 1 and grad.shape[lead + i] != 1]
        if dims:
            grad = grad.sum(dims, keepdim=True)
        if lead > 0:
            grad = grad.view(shape)
    if grad.dtype != dtype:
        grad = grad.to(dtype)
    if grad.device != device:
        if grad.dim() != 0:
            raise RuntimeError(
                f"Function {node_name} returned an invalid gradient at index {index} - expected "
                f"device {device} but got {grad.device}"
            )
        grad = grad.to(device)
    return grad


class Function:
    """Subclass with @staticmethod forward(ctx, *args) and backward(ctx, *grad_outputs)."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError(
            "You must implement the forward function for custom autograd.Function."
        )

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        from .. import _functions

        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a.requires_grad for a in args)
        with no_grad():
            outputs = cls.forward(ctx, *args, **kwargs)
        is_tuple = isinstance(outputs, tuple)
        outs = list(outputs) if is_tuple else [outputs]
        inputs = [a for a in args if isinstance(a, Tensor)]
        if not (is_grad_enabled() and any(ctx.needs_input_grad)):
            return outputs
        # An input returned as is becomes a new tensor on the same data, so the node can own it.
        for i, o in enumerate(outs):
            if isinstance(o, Tensor) and any(o is a for a in inputs):
                with no_grad():
                    outs[i] = o.view_as(o)
        tensor_outs = [o for o in outs if isinstance(o, Tensor)]
        name = cls.__name__
        metas = [(t.shape, t.dtype, t.device, t.requires_grad) for t in inputs]

        def backward(grads_js):
            grads = []
            for g, out in zip(grads_js, tensor_outs):
                if g is None or g is jsnull:  # an output the loss did not use
                    grads.append(_functions.zeros_like(out) if ctx.materialize_grads else None)
                else:
                    grads.append(wrap(g))
            result = cls.backward(ctx, *grads)
            return to_js(_input_grads(f"{name}Backward", result, args, metas), create_pyproxies=False)

        call(
            engine.recordPythonFunction,
            f"{name}Backward",
            to_js([t._js for t in inputs], create_pyproxies=False),
            to_js([t._js for t in tensor_outs], create_pyproxies=False),
            create_proxy(backward),
        )
        result = tuple(outs)
        return result if is_tuple else result[0]
