"""grad_fn objects: Python views of the engine's graph nodes, named like PyTorch's classes
(`<MulBackward0 object at 0x...>`), one Python object per node while it is referenced."""

import weakref

import _torchlit as engine
from pyodide.ffi import jsnull

_nodes = weakref.WeakValueDictionary()
_classes = {}


class Node:
    __slots__ = ("_js", "__weakref__")

    def name(self):
        return self._js.name

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
        return f"<{self._js.name} object at {hex(id(self))}>"


def node(js):
    if js is None or js is jsnull:
        return None
    key = engine.idOf(js)
    n = _nodes.get(key)
    if n is None:
        name = js.name
        cls = _classes.get(name)
        if cls is None:
            cls = _classes[name] = type(name, (Node,), {"__slots__": ()})
        n = object.__new__(cls)
        n._js = js
        _nodes[key] = n
    return n
