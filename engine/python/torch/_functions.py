"""Module-level functions: factories (tensor, zeros, arange, ...), random draws, and torch.X(t, ...)
forms of tensor methods. Dtype inference that depends on Python's int/float distinction is
done here, since JS numbers cannot tell 2 from 2.0.
"""

import builtins

import _torchlit as engine

from . import _manifest, _out
from ._bridge import call, options, to_engine, to_js, wrap
from ._device import engine_type
from ._dtype import get_default_dtype
from ._tensor import Tensor


def _size_keyword(name, size, kwargs):
    """The sizes of factory `name`, given positionally (zeros(2, 3)) or as size=(2, 3)."""
    if "size" not in kwargs:
        return size
    if size:
        raise TypeError(f"{name}() got multiple values for argument 'size'")
    return (kwargs.pop("size"),)


def _size(size):
    """Accepts zeros(2, 3), zeros((2, 3)), zeros([2, 3]) and zeros(torch.Size(...))."""
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = size[0]
    return to_js([int(s) for s in size])


def _opts(dtype=None, device=None, requires_grad=False, like=False):
    # requires_grad is applied by _finish: PyTorch's factories check it with their own message.
    # No device means the default one, or for *_like the input's (the engine's own default).
    return options(dtype=dtype, device=engine_type(device, default=not like))


def _finish(t, requires_grad):
    if requires_grad:
        if not t.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


def _has_float(data):
    if isinstance(data, float):
        return True
    if isinstance(data, (list, tuple)):
        return builtins.any(_has_float(x) for x in data)
    return False


def _nested(data):
    if isinstance(data, Tensor):
        return data._js
    if _is_ndarray(data):
        return data._tensor._js
    if isinstance(data, (list, tuple)):
        return to_js([_nested(x) for x in data], create_pyproxies=False)
    if isinstance(data, (builtins.bool, int, float)):
        return data
    raise TypeError(f"new(): invalid data type '{type(data).__name__}'")


def _is_ndarray(data):
    return type(data).__name__ == "ndarray" and hasattr(data, "_tensor")


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    if _is_ndarray(data):
        # torch.tensor(ndarray) copies, keeping NumPy's dtype (float64 stays float64).
        t = data._tensor.detach().clone()
        return _finish(t.to(dtype=dtype, device=device), requires_grad)
    if dtype is None and _has_float(data):
        # An integral float (2.0) must still make a float tensor.
        dtype = get_default_dtype()
    return _finish(wrap(call(engine.tensor, _nested(data), _opts(dtype, device))), requires_grad)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    if _is_ndarray(data):
        # as_tensor shares the array's memory when no conversion is needed, as from_numpy does.
        return data._tensor.to(dtype=dtype, device=device)
    return tensor(data, dtype=dtype, device=device)


def _factory(name):
    def make(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, **kwargs):
        size = _size_keyword(name, size, kwargs)
        return _finish(wrap(call(getattr(engine, name), _size(size), _opts(dtype, device))), requires_grad)

    make.__name__ = name
    return make


zeros = _factory("zeros")
ones = _factory("ones")
empty = _factory("empty")


def full(size, fill_value, *, out=None, dtype=None, device=None, requires_grad=False):
    if dtype is None and isinstance(fill_value, float):
        dtype = get_default_dtype()
    return _finish(wrap(call(engine.full, _size((size,)), fill_value, _opts(dtype, device))), requires_grad)


def _like(name):
    def make(input, *, dtype=None, device=None, requires_grad=False, **_):
        opts = _opts(dtype, device, like=True)
        return _finish(wrap(call(getattr(engine, name), input._js, opts)), requires_grad)

    make.__name__ = name
    return make


zeros_like = _like("zeros_like")
ones_like = _like("ones_like")
empty_like = _like("empty_like")


def full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False):
    if dtype is None and isinstance(fill_value, float) and not input.dtype.is_floating_point:
        dtype = get_default_dtype()
    opts = _opts(dtype, device, like=True)
    return _finish(wrap(call(engine.full_like, input._js, fill_value, opts)), requires_grad)


def eye(n, m=None, *, dtype=None, device=None, requires_grad=False):
    return _finish(wrap(call(engine.eye, n, m, _opts(dtype, device))), requires_grad)


def arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False):
    opts = _opts(dtype, device)
    if builtins.any(isinstance(a, float) for a in (start, end, step)):
        opts.anyFloat = True
    return _finish(wrap(call(engine.arange, start, end, step, opts)), requires_grad)


def linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False):
    return _finish(wrap(call(engine.linspace, start, end, steps, _opts(dtype, device))), requires_grad)


def logspace(start, end, steps, base=10.0, *, dtype=None, device=None, requires_grad=False):
    """base ** linspace(start, end, steps), each power computed from its exponent."""
    exponents = wrap(call(engine.linspace, start, end, steps, _opts(None, device)))
    powers = float(base) ** exponents
    if dtype is not None or powers.dtype != get_default_dtype():
        powers = powers.to(dtype if dtype is not None else get_default_dtype())
    return _finish(powers, requires_grad)


# --- random (the engine's generator matches PyTorch's CPU draws) ------------------------------
from ._generator import Generator, default_generator  # noqa: E402


def _ropts(dtype=None, device=None, generator=None):
    return options(dtype=dtype, device=engine_type(device), generator=generator)


def manual_seed(seed):
    call(engine.manual_seed, int(seed))
    return default_generator


def seed():
    return int(call(engine.seed))


def initial_seed():
    return int(call(engine.initial_seed))


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         **kwargs):  # fmt: skip
    size = _size_keyword("rand", size, kwargs)
    return _finish(wrap(call(engine.rand, _size(size), _ropts(dtype, device, generator))), requires_grad)


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          **kwargs):  # fmt: skip
    size = _size_keyword("randn", size, kwargs)
    return _finish(wrap(call(engine.randn, _size(size), _ropts(dtype, device, generator))), requires_grad)


def randint(low=0, high=None, size=None, *, generator=None, out=None, dtype=None, layout=None,
            device=None, requires_grad=False):  # fmt: skip
    if size is None:
        low, high, size = 0, low, high
    if high is None or size is None:
        raise TypeError("randint() missing required argument 'size'")
    opts = _ropts(dtype, device, generator)
    return _finish(wrap(call(engine.randint, int(low), int(high), _size((size,)), opts)), requires_grad)


def randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    return _finish(wrap(call(engine.randperm, int(n), _ropts(dtype, device, generator))), requires_grad)


def round(input, *args, decimals=None, out=None):
    if args:
        raise TypeError(
            f"round() received an invalid combination of arguments - got (Tensor, {type(args[0]).__name__}), "
            "but expected one of:\n * (Tensor input, *, Tensor out)\n * (Tensor input, *, int decimals, Tensor out)\n"
        )
    result = input.round(decimals=decimals)
    return result if out is None else out.copy_(result)


def logsumexp(input, *args, out=None, **kwargs):
    if not args and "dim" not in kwargs:
        raise TypeError(
            "logsumexp() received an invalid combination of arguments - got (Tensor), but expected one of:\n"
            " * (Tensor input, tuple of ints dim, bool keepdim, *, Tensor out)\n"
            " * (Tensor input, tuple of names dim, bool keepdim, *, Tensor out)\n"
        )
    return input.logsumexp(*args, **kwargs)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    opts = options(generator=generator)
    return wrap(call(engine.multinomial, input._js, int(num_samples), bool(replacement), opts))


def normal(mean, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None,
           device=None, requires_grad=False):  # fmt: skip
    m = mean._js if isinstance(mean, Tensor) else float(mean)
    sd = std._js if isinstance(std, Tensor) else float(std)
    sz = None if size is None else _size((size,))
    r = _finish(wrap(call(engine.normal, m, sd, sz, _ropts(dtype, device, generator))), requires_grad)
    return r if out is None else _out.copy_into("normal", r, out, ())


# The *_like draws keep input's layout (preserve_format), as the engine's do.
def rand_like(input, *, dtype=None, device=None, requires_grad=False):
    return _finish(wrap(call(engine.rand_like, input._js, _ropts(dtype, device))), requires_grad)


def randn_like(input, *, dtype=None, device=None, requires_grad=False):
    return _finish(wrap(call(engine.randn_like, input._js, _ropts(dtype, device))), requires_grad)


def randint_like(input, low=0, high=None, *, dtype=None, device=None, requires_grad=False):
    if high is None:
        low, high = 0, low
    opts = _ropts(dtype, device)
    return _finish(wrap(call(engine.randint_like, input._js, int(low), int(high), opts)), requires_grad)


# --- joining ---------------------------------------------------------------------------------
def cat(tensors, dim=0, *, out=None, axis=None):
    dim = dim if axis is None else axis
    result = wrap(call(engine.cat, to_engine(list(tensors)), dim))
    return result if out is None else _out.copy_into("cat", result, out, tensors)


concat = cat


def stack(tensors, dim=0, *, out=None, axis=None):
    dim = dim if axis is None else axis
    result = wrap(call(engine.stack, to_engine(list(tensors)), dim))
    return result if out is None else _out.copy_into("stack", result, out, tensors)


def where(condition, input=None, other=None):
    if input is None:
        return tuple(wrap(call(engine.whereNonzero, condition._js)))
    if not isinstance(input, Tensor):
        input = tensor(input)
    return input.where(condition, other)


def from_numpy(ndarray):
    import numpy

    if not isinstance(ndarray, numpy.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    return ndarray._tensor


def softmax(input, dim, dtype=None):
    return input.softmax(dim, dtype=dtype)


def log_softmax(input, dim, dtype=None):
    return input.log_softmax(dim, dtype=dtype)


def flip(input, dims):
    return input.flip(dims)


def nonzero(input, *, as_tuple=False):
    return input.nonzero(as_tuple=as_tuple)


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    return input.unique(sorted, return_inverse, return_counts, dim)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


def _tensor_arg(fn, name, position, value):
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{fn}(): argument '{name}' (position {position}) must be Tensor, not {type(value).__name__}"
        )


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """|input - other| <= atol + rtol * |other| elementwise, as PyTorch computes it."""
    from ._out import _TYPE_NAMES

    _tensor_arg("isclose", "input", 1, input)
    _tensor_arg("isclose", "other", 2, other)
    if input.dtype != other.dtype:
        raise RuntimeError(
            f"{_TYPE_NAMES[input.dtype._name]} did not match {_TYPE_NAMES[other.dtype._name]}"
        )
    if rtol < 0:
        raise RuntimeError(f"rtol must be greater than or equal to zero, but got {rtol}")
    if atol < 0:
        raise RuntimeError(f"atol must be greater than or equal to zero, but got {atol}")
    close = input == other
    if equal_nan and input.dtype.is_floating_point:
        close = close | (input.isnan() & other.isnan())
    if rtol == 0 and atol == 0:
        return close
    a = input.float() if input.dtype._name == "bool" else input
    b = other.float() if other.dtype._name == "bool" else other
    allowed = (b * rtol).abs() + atol
    actual = (a - b).abs()
    return close | (actual.isfinite() & (actual <= allowed))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    _tensor_arg("allclose", "input", 1, input)
    _tensor_arg("allclose", "other", 2, other)
    return builtins.bool(isclose(input, other, rtol, atol, equal_nan).all())


def equal(input, other):
    """True when both have the same size and the same elements (NaN is never equal)."""
    _tensor_arg("equal", "input", 1, input)
    _tensor_arg("equal", "other", 2, other)
    if input.shape != other.shape:
        return False
    return builtins.bool((input == other).all())


# torch.X(input, *args, **kwargs) == input.X(*args, **kwargs) for these methods: the op table's
# methods (from the engine's manifest), then the rest.
_METHOD_FUNCTIONS = [
    *_manifest.names(_manifest.BINARY, method=True), *_manifest.names(_manifest.UNARY, method=True),
    "true_divide", "clamp", "clip", "masked_fill", "sum", "mean",
    "prod", "all", "any", "max", "min", "amax", "amin", "argmax", "argmin", "var", "std", "norm",
    "cumsum", "cumprod", "matmul", "mm", "mv", "addmm", "addmv", "cross", "bincount", "bmm", "dot", "outer", "trace", "diag", "t",
    "transpose", "permute", "reshape", "flatten", "unflatten", "squeeze", "unsqueeze", "narrow",
    "select", "unbind", "split", "chunk", "gather", "scatter", "scatter_add", "clone", "detach",
    "numel", "sort", "argsort", "topk", "kthvalue", "median", "mode", "lerp", "quantile", "roll", "tril", "triu", "index_select", "masked_select",
    "take", "expand", "repeat", "inverse", "det",
]  # fmt: skip


def _method_function(name):
    def fn(input, *args, **kwargs):
        if not isinstance(input, Tensor):
            input = tensor(input)
        return getattr(input, name)(*args, **kwargs)

    fn.__name__ = name
    return fn


for _name in _METHOD_FUNCTIONS:
    _fn = _method_function(_name)
    if _name in _out.BINARY or _name in _out.UNARY or _name in _out.COPIED:
        _fn = _out.function(_name, _fn)  # takes out=
    globals().setdefault(_name, _fn)
