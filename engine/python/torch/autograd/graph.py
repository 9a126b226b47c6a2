"""grad_fn objects: Python views of the engine's graph nodes, named like PyTorch's classes
(`<MulBackward0 object at 0x...>`), one Python object per node while it is referenced. A custom
Function's node is a class of torch.autograd.function, as in PyTorch."""

import weakref

import _torchlit as engine
from pyodide.ffi import jsnull

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
