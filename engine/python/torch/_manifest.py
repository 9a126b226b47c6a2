"""The engine's op manifest (engine/src/ops/op-manifest.ts) as Python data.

It says which elementwise ops are Tensor methods and torch functions, which have an in-place
form, which take out= and how, and which are torch.nn.functional functions with what
parameters. _signatures, _out, _functions and nn.functional make their bindings from it, so an
op added to the engine's table is bound here without a list to edit.
"""

import _torchlit as engine
from pyodide.ffi import jsnull


def _plain(v):
    """The manifest as dicts, lists and None (to_py keeps JS null as jsnull)."""
    if v is jsnull:
        return None
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


_MANIFEST = _plain(engine.opManifest.to_py())
UNARY = tuple(_MANIFEST["unary"])
BINARY = tuple(_MANIFEST["binary"])


def names(ops, **want):
    """Names of the ops whose fields equal `want` (method=True, out="engine"), in table order."""
    return [op["name"] for op in ops if all(op[k] == v for k, v in want.items())]


FUNCTIONAL = {op["name"]: op["functional"] for op in UNARY if op["functional"] is not None}
