"""Parameter names of engine methods, in the engine's positional order.

PyTorch callers use keywords (`x.sum(dim=1, keepdim=True)`); the TypeScript engine takes
positional arguments in PyTorch's order. `bind` places keywords where the engine expects them.
"""

from . import _manifest

SIGNATURES = {
    **{name: ("other",) for name in _manifest.names(_manifest.BINARY, method=True)},
    **{name + "_": ("other",) for name in _manifest.names(_manifest.BINARY, inplace=True)},
    "sum": ("dim", "keepdim", "dtype"),
    "mean": ("dim", "keepdim", "dtype"),
    "prod": ("dim", "keepdim"),
    "all": ("dim", "keepdim"),
    "any": ("dim", "keepdim"),
    "amax": ("dim", "keepdim"),
    "logsumexp": ("dim", "keepdim"),
    "bincount": ("weights", "minlength"),
    "amin": ("dim", "keepdim"),
    "argmax": ("dim", "keepdim"),
    "argmin": ("dim", "keepdim"),
    "var": ("dim", "correction", "keepdim"),
    "std": ("dim", "correction", "keepdim"),
    "norm": ("p", "dim", "keepdim"),
    "cumsum": ("dim",),
    "cumprod": ("dim",),
    "transpose": ("dim0", "dim1"),
    "narrow": ("dim", "start", "length"),
    "select": ("dim", "index"),
    "squeeze": ("dim",),
    "unsqueeze": ("dim",),
    "flatten": ("start_dim", "end_dim"),
    "unflatten": ("dim", "sizes"),
    "unbind": ("dim",),
    "split": ("split_size_or_sections", "dim"),
    "chunk": ("chunks", "dim"),
    "clamp": ("min", "max"),
    "clamp_": ("min", "max"),
    "where": ("condition", "other"),
    "masked_fill": ("mask", "value"),
    "masked_fill_": ("mask", "value"),
    "gather": ("dim", "index"),
    "scatter": ("dim", "index", "src"),
    "scatter_": ("dim", "index", "src"),
    "scatter_add": ("dim", "index", "src"),
    "scatter_add_": ("dim", "index", "src"),
    "diag": ("diagonal",),
    "fill_": ("value",),
    "matmul": ("other",),
    "mm": ("mat2",),
    "bmm": ("mat2",),
    "mv": ("vec",),
    "addmm": ("mat1", "mat2", "beta", "alpha"),
    "addmv": ("mat", "vec", "beta", "alpha"),
    "cross": ("other", "dim"),
    "dot": ("tensor",),
    "outer": ("vec2",),
    "copy_": ("src",),
    "sort": ("dim", "descending", "stable"),
    "argsort": ("dim", "descending", "stable"),
    "topk": ("k", "dim", "largest", "sorted"),
    "kthvalue": ("k", "dim", "keepdim"),
    "median": ("dim", "keepdim"),
    "mode": ("dim", "keepdim"),
    "lerp": ("end", "weight"),
    "quantile": ("q", "dim", "keepdim", "interpolation"),
    "roll": ("shifts", "dims"),
    "tril": ("diagonal",),
    "triu": ("diagonal",),
    "index_select": ("dim", "index"),
    "masked_select": ("mask",),
    "take": ("index",),
    "index_fill_": ("dim", "index", "value"),
    "index_add_": ("dim", "index", "source", "alpha"),
    "masked_scatter_": ("mask", "source"),
    "uniform_": ("from", "to", "generator"),
    "normal_": ("mean", "std", "generator"),
    "random_": ("from", "to", "generator"),
    "bernoulli_": ("p", "generator"),
    "exponential_": ("lambd", "generator"),
    "multinomial": ("num_samples", "replacement", "generator"),
    "index_put_": ("indices", "values", "accumulate"),
    "index_put": ("indices", "values", "accumulate"),
    "expand": ("size",),
    "repeat": ("repeats",),
}

# Methods whose operand is a scalar-or-tensor: an integral Python float must stay a float.
SCALAR_OPERANDS = frozenset([
    *SIGNATURES.keys() - {
        "fill_", "sort", "argsort", "topk", "roll", "tril", "triu", "index_select", "take",
        "uniform_", "normal_", "random_", "bernoulli_", "exponential_", "multinomial", "expand", "repeat", "index_put_",
        "index_put",
    }
])  # fmt: skip


def numpy_aliases(kwargs):
    """A copy of kwargs with NumPy's names as PyTorch also accepts them: axis=dim, keepdims=keepdim."""
    kwargs = dict(kwargs)
    for alias, name in (("axis", "dim"), ("keepdims", "keepdim")):
        if alias in kwargs:
            if name in kwargs:
                raise TypeError(f"got both {name} and its alias {alias}")
            kwargs[name] = kwargs.pop(alias)
    return kwargs


def bind(name, args, kwargs):
    """Positional arguments for engine method `name` from Python's args and keywords."""
    if not kwargs:
        return list(args)
    kwargs = numpy_aliases(kwargs)
    if name in ("var", "std") and "unbiased" in kwargs:
        # PyTorch 1.13's unbiased=True/False is correction=1/0.
        kwargs["correction"] = 1 if kwargs.pop("unbiased") else 0
    if name in ("add", "sub", "add_", "sub_") and "alpha" in kwargs:
        alpha = kwargs.pop("alpha")
        other = args[0] if args else kwargs.pop("other")
        args = (other * alpha,)
    params = SIGNATURES.get(name)
    if params is None:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    out = list(args)
    for i, param in enumerate(params[len(args):], start=len(args)):
        if param in kwargs:
            out.extend([None] * (i - len(out)))
            out.append(kwargs.pop(param))
    if kwargs:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return out
