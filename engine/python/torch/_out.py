"""The `out=` argument of torch functions: the result is written into the given tensor, which
keeps its identity (`torch.add(x, y, out=y)` leaves `id(y)` unchanged).

Elementwise ops write through the engine's out= path, which checks the result dtype and shape.
Other ops (reductions, matmul, cat/stack) compute a new tensor and copy it in. Unlike PyTorch,
an out tensor of the wrong shape is not resized: that raises a RuntimeError.
"""

import builtins

import _torchlit as engine

from . import _manifest
from ._bridge import call, scalar, to_js, wrap

# Engine binary ops with an out= path (torch name -> engine name): the op table's, and aliases.
BINARY = {
    **{name: name for name in _manifest.names(_manifest.BINARY, out="engine")},
    "true_divide": "div",
    "subtract": "sub",
    "multiply": "mul",
    "divide": "div",
}

UNARY = frozenset(_manifest.names(_manifest.UNARY, out="engine"))

# Functions whose out= is computed here and copied in.
COPIED = frozenset([
    *_manifest.names(_manifest.UNARY, out="copy"), *_manifest.names(_manifest.BINARY, out="copy"),
    "clamp", "clip", "sum", "mean", "prod", "all", "any", "amax", "amin", "argmax",
    "argmin", "var", "std", "norm", "cumsum", "cumprod", "matmul", "mm", "mv", "bmm", "dot",
    "outer", "gather", "index_select", "masked_select", "take", "tril", "triu",
])  # fmt: skip

_CPP_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "int32": "int", "bool": "bool"}
_TYPE_NAMES = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool"}


def _kind(dtype):
    return 2 if dtype.is_floating_point else 0 if dtype._name == "bool" else 1


def _check_out(name, out, args):
    from ._tensor import Tensor
    from .autograd import is_grad_enabled

    if not isinstance(out, Tensor):
        raise TypeError(f"{name}(): argument 'out' must be Tensor, not {type(out).__name__}")
    if is_grad_enabled() and builtins.any(
        isinstance(a, Tensor) and a.requires_grad for a in (*args, out)
    ):
        raise RuntimeError(
            f"{name}(): functions with out=... arguments don't support automatic "
            "differentiation, but one of the arguments requires grad."
        )


def _flat(args):
    for a in args:
        if isinstance(a, (list, tuple)):
            yield from a
        else:
            yield a


def binary(name, input, other, out, alpha=None):
    from ._functions import tensor
    from ._tensor import Tensor

    if not isinstance(input, Tensor):
        input = tensor(input)
    _check_out(name, out, (input, other))
    if alpha is not None:
        other = other * alpha
    if name == "pow" and not isinstance(other, Tensor):
        # x ** scalar has its own rules (integer exponents, promotion): compute it, then copy.
        return copy_into(name, input.pow(other), out)
    b = other._js if isinstance(other, Tensor) else scalar(other)
    call(engine.binary, BINARY[name], input._js, b, out._js)
    return out


def unary(name, input, out):
    _check_out(name, out, (input,))
    call(engine.unary, name, input._js, to_js([]), out._js)
    return out


def copy_into(name, result, out, args=()):
    """Writes `result` into `out` (same shape; a dtype it can be cast to) and returns `out`."""
    _check_out(name, out, tuple(_flat(args)))
    if tuple(out.shape) != tuple(result.shape):
        raise RuntimeError(
            f"out= with shape [{', '.join(map(str, out.shape))}] does not match the result shape "
            f"[{', '.join(map(str, result.shape))}]; torchlit does not resize out= tensors"
        )
    if out.dtype is not result.dtype:
        if name in ("matmul", "mm", "mv", "bmm", "dot", "outer"):
            raise RuntimeError(
                f"Expected out tensor to have dtype {_CPP_NAMES[result.dtype._name]}, "
                f"but got {_CPP_NAMES[out.dtype._name]} instead"
            )
        if _kind(result.dtype) > _kind(out.dtype):
            raise RuntimeError(
                f"result type {_TYPE_NAMES[result.dtype._name]} can't be cast to the desired "
                f"output type {_TYPE_NAMES[out.dtype._name]}"
            )
    out.copy_(result)
    return out


def function(name, method):
    """torch.name(input, ..., out=None): `method` computes the result when out is None."""
    if name in BINARY:

        def fn(input, other, *, alpha=None, out=None, **kwargs):
            if kwargs:  # div's rounding_mode
                result = method(input, other, **kwargs)
                return result if out is None else copy_into(name, result, out, (input, other))
            if out is None:
                if alpha is not None:
                    return method(input, other, alpha=alpha)
                return method(input, other)
            return binary(name, input, other, out, alpha)

    elif name in UNARY:

        def fn(input, *, out=None):
            if out is None:
                return method(input)
            return unary(name, input, out)

    else:

        def fn(input, *args, out=None, **kwargs):
            result = method(input, *args, **kwargs)
            if out is None:
                return result
            return copy_into(name, result, out, (input, *args))

    fn.__name__ = name
    return fn
