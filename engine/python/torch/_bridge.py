"""The boundary between Python and the TypeScript engine (the `_torchlit` JS module).

Everything that crosses it goes through here: Python values become JS values the engine
understands (lists -> arrays, integral floats -> PyFloat, dtype -> its name), engine errors
become the Python exception PyTorch raises, and engine tensors come back as torch.Tensor.
"""

import weakref

import _torchlit as engine
from pyodide.ffi import JsException, JsProxy, can_run_sync, jsnull, run_sync, to_js

# One Python wrapper per engine object while the wrapper lives, so `x.grad is x.grad` and
# in-place methods return the very object they were called on (id() is kept).
_wrappers = weakref.WeakValueDictionary()

_ERRORS = {
    "RuntimeError": RuntimeError,
    "IndexError": IndexError,
    "TypeError": TypeError,
    "ValueError": ValueError,
    "NotImplementedError": NotImplementedError,
    "MemoryError": MemoryError,
    "ZeroDivisionError": ZeroDivisionError,
}


def translate(exc):
    """The Python exception for a JS error thrown by the engine (TorchError carries pyType)."""
    err = getattr(exc, "js_error", exc)
    py_type = getattr(err, "pyType", None)
    message = getattr(err, "message", None)
    if message is None:
        message = str(exc)
    if py_type == "OutOfMemoryError":
        from .cuda import OutOfMemoryError

        return OutOfMemoryError(message)
    if py_type == "LinAlgError":
        from .linalg import LinAlgError

        return LinAlgError(message)
    return _ERRORS.get(py_type, RuntimeError)(message)


def call(fn, *args):
    """Calls an engine function, re-raising its errors as PyTorch's Python exceptions.

    An op that needs the values of a cuda tensor on the host (nonzero, masked_select, a bool
    mask index, a range check) stops at that read (HostReadNeeded, see the engine's
    core/host-reads.ts); it is then read here, blocking through JSPI, and the op run again with
    the answers so far, until it completes.
    """
    answers = []
    collected = False
    while True:
        restore = engine.beginReplay(to_js(answers, create_pyproxies=False)) if answers else None
        try:
            return fn(*args)
        except JsException as exc:
            pending = engine.readNeededBy(exc.js_error)
            if pending is jsnull or pending is None:
                # A memory budget refused an allocation: tensors the program dropped may not be
                # collected yet (the engine hears of it only between jobs), so collect, then try
                # once more before raising (as PyTorch's allocator frees its cache and retries).
                if collected or not engine.isBudgetRefusal(exc.js_error) or not can_run_sync():
                    raise translate(exc) from None
        finally:
            if restore is not None:
                restore()
        if pending is jsnull or pending is None:
            collected = True
            wait(engine.collectGarbage)
        else:
            answers.append(wait(pending.data))


def wait(make_promise):
    """Blocks on an engine promise (a GPU read) through JSPI, re-raising its errors as call() does.

    Works only inside a promising call (the runtime runs programs with runPythonAsync).
    """
    if not can_run_sync():
        import js

        # Suspending is the standard's name, Suspender the one older engines (Node 22) have.
        if not any(hasattr(js.WebAssembly, n) for n in ("Suspending", "Suspender")):
            raise RuntimeError(
                "reading a cuda:0 tensor needs WebAssembly JSPI (JavaScript Promise Integration), "
                "which is not available here"
            )
        # JSPI is there, but the engine's own frames sit between this read and the program.
        raise RuntimeError(
            "a cuda:0 tensor cannot be read inside a callback from the engine (such as a "
            "backward hook); keep the tensor and read it after backward() returns"
        )
    try:
        return run_sync(make_promise())
    except JsException as exc:
        raise translate(exc) from None


def scalar(v):
    """A Python number as the engine wants a scalar operand: integral floats wrapped as PyFloat."""
    if type(v) is float and v.is_integer():
        return engine.pyFloat(v)
    return v


def to_engine(v, wrap_floats=False):
    """Converts an argument: Tensor -> engine tensor, sequences -> JS arrays, dtype -> name."""
    from ._tensor import Tensor
    from ._dtype import dtype
    from ._device import device

    from ._generator import Generator

    if isinstance(v, Tensor):
        return v._js
    if isinstance(v, Generator):
        return v._js
    if isinstance(v, dtype):
        return v._name
    if isinstance(v, device):
        return v.type
    if isinstance(v, (list, tuple)):
        return to_js([to_engine(x, wrap_floats) for x in v], create_pyproxies=False)
    if wrap_floats:
        return scalar(v)
    return v


def options(**kw):
    """A JS options object from keyword arguments, leaving out those that are None."""
    obj = engine.makeObject()
    for key, value in kw.items():
        if value is not None:
            setattr(obj, key, to_engine(value))
    return obj


def null_if_none(v):
    return jsnull if v is None else v


def is_engine_tensor(v):
    return isinstance(v, JsProxy) and engine.isTensor(v)


def wrap(v):
    """Converts an engine result back: tensors to torch.Tensor, arrays to lists, max's pair."""
    from ._tensor import Tensor

    if v is jsnull:
        return None
    if isinstance(v, JsProxy):
        if engine.isTensor(v):
            key = engine.idOf(v)
            t = _wrappers.get(key)
            if t is None:
                t = Tensor._from_js(v)
                _wrappers[key] = t
            return t
        if getattr(v, "constructor", None) is not None and v.constructor.name == "Array":
            return [wrap(x) for x in v]
        if hasattr(v, "values") and hasattr(v, "indices"):
            from .return_types import _named_pair

            return _named_pair(wrap(v.values), wrap(v.indices))
    return v
