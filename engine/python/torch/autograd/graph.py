"""grad_fn objects: Python views of the engine's graph nodes, named like PyTorch's classes
(`<MulBackward0 object at 0x...>`), one Python object per node while it is referenced. A custom
Function's node is a class of torch.autograd.function, as in PyTorch."""

import weakref

import _torchlit as engine
from pyodide.ffi import jsnull, to_js

_nodes = weakref.WeakValueDictionary()
_classes = {}
# Nodes PyTorch defines in C++ outside its generated *Backward classes: name() gives their C++ name.
_CPP_NAMES = {
    "AccumulateGrad": "torch::autograd::AccumulateGrad",
    "CopySlices": "torch::autograd::CopySlices",
}


class Node:
    __slots__ = ("_js", "__weakref__")

    def name(self):
        name = self._js.name
        return _CPP_NAMES.get(name, name)

    @property
    def next_functions(self):
        out = []
        for edge in self._js.next:
            out.append((None, 0) if edge is None or edge is jsnull else (node(edge.node), edge.inputNr))
        return tuple(out)

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs) runs after this node in each backward pass: tuples of the
        gradients it sends to next_functions (None where an input needs none) and of those that
        flowed into it. A tuple it returns replaces grad_inputs. Returns a RemovableHandle."""
        from pyodide.ffi import create_proxy

        from .._bridge import call, wrap
        from .._tensor import Tensor, _RemovableHandle

        def js_hook(grad_inputs, grad_outputs):
            gi = tuple(wrap(g) for g in grad_inputs)
            result = fn(gi, tuple(wrap(g) for g in grad_outputs))
            if result is None:
                return None
            if not isinstance(result, tuple):
                raise TypeError(f"expected tuple, but hook returned '{type(result).__name__}'")
            if len(result) != len(gi):
                name = getattr(fn, "__name__", type(fn).__name__)
                raise RuntimeError(
                    f"hook '{name}' has returned an incorrect number of values "
                    f"(got {len(result)}, but expected {len(gi)})"
                )
            for g in result:
                if g is not None and not isinstance(g, Tensor):
                    raise TypeError(f"expected Variable, but hook returned '{type(g).__name__}'")
            return to_js([jsnull if g is None else g._js for g in result], create_pyproxies=False)

        # A lasting proxy: the engine calls it during later backward passes, until remove().
        proxy = create_proxy(js_hook)
        handle = call(self._js.registerHook, proxy)
        return _RemovableHandle(handle, proxy)

    @property
    def variable(self):
        from .._bridge import wrap

        return wrap(self._js.variable)

    def __repr__(self):
        cls = type(self)
        where = "" if cls.__module__ == "builtins" else cls.__module__ + "."
        return f"<{where}{cls.__qualname__} object at {hex(id(self))}>"


def node(js):
    if js is None or js is jsnull:
        return None
    key = engine.idOf(js)
    n = _nodes.get(key)
    if n is None:
        name = js.name
        module = "torch.autograd.function" if engine.isPythonFunctionNode(js) else "builtins"
        cls = _classes.get((module, name))
        if cls is None:
            attrs = {"__slots__": (), "__module__": module}
            cls = _classes[(module, name)] = type(name, (Node,), attrs)
        n = object.__new__(cls)
        n._js = js
        _nodes[key] = n
    return n
