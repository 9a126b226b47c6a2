"""x[index] and x[index] = value.

Basic indices (int, slice, None, Ellipsis) become select/slice/unsqueeze views, as PyTorch's
own indexing does, so results share storage and carry SelectBackward0/SliceBackward0.
Advanced indices (bool/int tensors, lists, bools) go to the engine's Tensor.index / indexPut_
(ops/indexing.ts), which copy on read and write through on assignment.
"""

import builtins

import _torchlit as engine

from . import _bridge
from ._bridge import call, jsnull, to_engine, wrap


def _as_tuple(index):
    return index if type(index) is tuple else (index,)


def _is_basic(i):
    return i is None or i is Ellipsis or isinstance(i, (int, slice)) and not isinstance(i, builtins.bool)


def _basic(t, items):
    from ._tensor import Tensor

    consumed = builtins.sum(1 for i in items if i is not None and i is not Ellipsis)
    if consumed > t.dim():
        raise IndexError(f"too many indices for tensor of dimension {t.dim()}")
    js = t._js
    dim = 0
    for i in items:
        if i is Ellipsis:
            dim += t.dim() - consumed
        elif i is None:
            js = call(js.unsqueeze, dim)
            dim += 1
        elif isinstance(i, slice):
            step = 1 if i.step is None else i.step
            start = jsnull if i.start is None else int(i.start)
            stop = jsnull if i.stop is None else int(i.stop)
            js = call(js.slice, dim, start, stop, int(step))
            dim += 1
        else:
            # x[i] checks bounds itself, with its own message (select() words it differently).
            size = js.shape[dim]
            if not -size <= int(i) < size:
                raise IndexError(f"index {int(i)} is out of bounds for dimension {dim} with size {size}")
            js = call(js.select, dim, int(i))
    if js is t._js:
        # x[...] and x[()] are aliases of x, as in PyTorch (a view, never x itself).
        js = call(js.view, to_engine(list(t.shape)))
    return wrap(js)


def _spec(i):
    """One index item in the engine's index() spec form."""
    from ._tensor import Tensor

    if isinstance(i, Tensor):
        return i._js
    if isinstance(i, slice):
        obj = engine.makeObject()
        obj.start = jsnull if i.start is None else i.start
        obj.stop = jsnull if i.stop is None else i.stop
        obj.step = jsnull if i.step is None else i.step
        return obj
    if i is None:
        return jsnull
    if i is Ellipsis:
        return "..."
    if isinstance(i, (list, tuple, range)):
        return to_engine(list(i))
    if hasattr(i, "_tensor"):
        return i._tensor._js  # a NumPy-subset ndarray
    if not isinstance(i, (int, builtins.bool)) and hasattr(i, "__index__"):
        return int(i)
    return i


def _advanced_specs(items):
    from ._bridge import to_js

    return to_js([_spec(i) for i in items], create_pyproxies=False)


def getitem(t, index):
    from ._tensor import Tensor

    items = _as_tuple(index)
    if all(_is_basic(i) for i in items):
        return _basic(t, items)
    return wrap(call(t._js.index, _advanced_specs(items)))


def setitem(t, index, value):
    from ._tensor import Tensor

    items = _as_tuple(index)
    if all(_is_basic(i) for i in items):
        view = _basic(t, items)
        if isinstance(value, Tensor):
            call(view._js.copy_, value._js)
        else:
            call(view._js.fill_, value)
        return
    if isinstance(value, Tensor):
        v = value._js
    elif isinstance(value, (list, tuple)):
        from ._functions import tensor

        v = tensor(value, dtype=t.dtype)._js
    else:
        v = _bridge.scalar(value)
    call(t._js.indexPut_, _advanced_specs(items), v)
