"""Runs one notebook cell for the browser worker (src/runtime/worker.ts).

Like the engine's _torchlit_runner, but a cell also returns the repr of its last expression,
as a notebook shows it, and a failure comes back as type, message and the reader's traceback.
It is written next to the torch package so its own frames never show in a traceback.
"""

import builtins
import linecache
import sys
import time

import torch
from pyodide.code import eval_code_async
from _torchlit_page import sleeping
from _torchlit_runner import format_readers_traceback, main_namespace, release_traceback

_namespaces = {}


def _no_input(prompt=""):
    """input() on a page: nothing can answer it, so say so instead of a bare I/O error."""
    if prompt:
        sys.stdout.write(str(prompt))
    raise OSError(
        "input() is not available on this page: the browser cannot pause Python to wait for "
        "what you type. Put the value in the code instead, for example: name = 'Ada'"
    )


builtins.input = _no_input

_time_sleep = time.sleep


def _sleep(secs, /):
    """time.sleep, telling the page first: a run stopped while it sleeps is not an endless loop."""
    if type(secs) in (int, float) and secs >= 0:
        sleeping(secs)
    _time_sleep(secs)  # raises time.sleep's own errors for anything else


_sleep.__name__ = _sleep.__qualname__ = "sleep"
_sleep.__module__ = "time"
_sleep.__doc__ = _time_sleep.__doc__
time.sleep = _sleep


def _namespace(name):
    return main_namespace(_namespaces, name)


def reset(name):
    _namespaces.pop(name, None)


async def run_cell(code, filename, namespace, device="cpu"):
    """Returns ("ok", repr or None) or ("error", type name, message, traceback).

    device ("cpu" or "cuda") is where factories without device= put tensors during this run:
    the page's CPU/GPU choice. The worker passes "cuda" only once WebGPU is known to be there.
    """
    ns = _namespace(namespace)
    torch._set_default_device(device)
    # Tracebacks show source lines only if linecache can find them.
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        # A trailing semicolon hides the value, as in Jupyter (eval_code_async's default).
        value = await eval_code_async(code, ns, filename=filename)
        return ("ok", None if value is None else repr(value))
    except BaseException as exc:  # the reader's SystemExit/KeyboardInterrupt end the cell too
        if isinstance(exc, SystemExit) and exc.code in (None, 0):
            return ("ok", None)
        error = ("error", type(exc).__name__, str(exc), format_readers_traceback(exc))
        release_traceback(exc)
        return error
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
