"""torch.nn.functional: activations, linear, dropout and losses over the engine's F.

Arguments arrive in PyTorch's order and keywords; the engine takes option objects. Warnings
PyTorch gives for likely mistakes (implicit softmax dim, broadcasting loss targets) are kept.
"""

import warnings

import _torchlit as engine

from .. import _manifest
from .._bridge import call, null_if_none, options, wrap
from .._tensor import Tensor


def _js(t):
    return null_if_none(None if t is None else t._js)


def _check_reduction(size_average, reduce, reduction):
    if size_average is not None or reduce is not None:
        from .modules.loss import _reduction

        return _reduction(size_average, reduce, reduction)
    return reduction


def linear(input, weight, bias=None):
    return wrap(call(engine.F.linear, input._js, weight._js, _js(bias)))


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


def relu_(input):
    return input.relu_()


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(name, ndim, stacklevel):
    warnings.warn(
        f"Implicit dimension choice for {name} has been deprecated. "
        "Change the call to include dim=X as an argument.",
        stacklevel=stacklevel,
    )
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("softmax", input.dim(), _stacklevel)
    if dtype is not None:
        input = input.to(dtype)
    return wrap(call(engine.F.softmax, input._js, dim))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim("log_softmax", input.dim(), _stacklevel)
    if dtype is not None:
        input = input.to(dtype)
    return wrap(call(engine.F.log_softmax, input._js, dim))


def leaky_relu(input, negative_slope=0.01, inplace=False):
    out = wrap(call(engine.F.leaky_relu, input._js, float(negative_slope)))
    if inplace:
        raise NotImplementedError("leaky_relu(inplace=True) is not supported yet")
    return out


def softplus(input, beta=1, threshold=20):
    return wrap(call(engine.F.softplus, input._js, beta, threshold))


def gelu(input, approximate="none"):
    return wrap(call(engine.F.gelu, input._js, approximate))


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    return wrap(call(engine.F.dropout, input._js, float(p), bool(training), bool(inplace)))


def _warn_target_size(input, target):
    if target.size() != input.size():
        warnings.warn(
            f"Using a target size ({target.size()}) that is different to the input size "
            f"({input.size()}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.",
            stacklevel=3,
        )


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    _warn_target_size(input, target)
    reduction = _check_reduction(size_average, reduce, reduction)
    return wrap(call(engine.F.mse_loss, input._js, target._js, reduction))


def huber_loss(input, target, reduction="mean", delta=1.0):
    _warn_target_size(input, target)
    return wrap(call(engine.F.huber_loss, input._js, target._js, reduction, float(delta)))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    _warn_target_size(input, target)
    reduction = _check_reduction(size_average, reduce, reduction)
    return wrap(call(engine.F.smooth_l1_loss, input._js, target._js, reduction, float(beta)))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    _warn_target_size(input, target)
    reduction = _check_reduction(size_average, reduce, reduction)
    return wrap(call(engine.F.l1_loss, input._js, target._js, reduction))


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):  # fmt: skip
    reduction = _check_reduction(size_average, reduce, reduction)
    opts = options(weight=weight, ignore_index=ignore_index, reduction=reduction)
    return wrap(call(engine.F.nll_loss, input._js, target._js, opts))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):  # fmt: skip
    reduction = _check_reduction(size_average, reduce, reduction)
    opts = options(weight=weight, ignore_index=ignore_index, reduction=reduction,
                   label_smoothing=float(label_smoothing))  # fmt: skip
    return wrap(call(engine.F.cross_entropy, input._js, target._js, opts))


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(size_average, reduce, reduction)
    if target.size() != input.size():
        raise ValueError(
            f"Using a target size ({target.size()}) that is different to the input size ({input.size()}) "
            "is deprecated. Please ensure they have the same size."
        )
    opts = options(weight=weight, reduction=reduction)
    return wrap(call(engine.F.binary_cross_entropy, input._js, target._js, opts))


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):  # fmt: skip
    reduction = _check_reduction(size_average, reduce, reduction)
    if target.size() != input.size():
        raise ValueError(
            f"Target size ({target.size()}) must be the same as input size ({input.size()})"
        )
    opts = options(weight=weight, reduction=reduction, pos_weight=pos_weight)
    return wrap(call(engine.F.binary_cross_entropy_with_logits, input._js, target._js, opts))


def one_hot(tensor, num_classes=-1):
    from .._functions import arange

    if num_classes == -1:
        num_classes = int(tensor.max().item()) + 1
    return (tensor.unsqueeze(-1) == arange(num_classes)).long()


def _table_functional(name, spec):
    """F.name for an op-table activation: its scalar parameters (keyword, default), then inplace."""
    keywords = [k for k, _ in spec["params"]] + (["inplace"] if spec["inplace"] else [])

    def fn(input, *args, **kwargs):
        if len(args) > len(keywords):
            raise TypeError(
                f"{name}() takes from 1 to {len(keywords) + 1} positional arguments but "
                f"{len(args) + 1} were given"
            )
        given = dict(zip(keywords, args))
        for k, v in kwargs.items():
            if k not in keywords:
                raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
            if k in given:
                raise TypeError(f"{name}() got multiple values for argument '{k}'")
            given[k] = v
        if not isinstance(input, Tensor):
            raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
        params = [float(given.get(k, default)) for k, default in spec["params"]]
        inplace = bool(given.get("inplace", False))
        result = call(getattr(engine.F, name), input._js, *params, inplace)
        return input if inplace else wrap(result)

    fn.__name__ = fn.__qualname__ = name
    return fn


for _name, _spec in _manifest.FUNCTIONAL.items():
    globals().setdefault(_name, _table_functional(_name, _spec))

__all__ = [n for n in dir() if not n.startswith("_") and n not in ("warnings", "engine", "Tensor")]

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
