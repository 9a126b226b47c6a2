"""Runs a reader's program for the torchlit runtime and formats its uncaught exception.

The traceback keeps the reader's frames only: frames from this module, the torch package and
Pyodide's own machinery are implementation details a learner should never have to read.
"""

import linecache
import sys
import traceback

from pyodide.code import eval_code_async

_RUNTIME_ROOT = __file__.rsplit("/", 1)[0] + "/"
_namespaces = {}


def _is_readers_frame(frame):
    name = frame.filename
    # "://" marks JS frames Pyodide splices into tracebacks (file:// in Node, http(s):// on the web).
    return not (
        name.startswith(_RUNTIME_ROOT)
        or name.startswith("/lib/python")
        or name.startswith("<frozen")
        or "://" in name
    )


def _filter(te, seen):
    # A TracebackException chains causes and contexts; filter every link, once.
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if _is_readers_frame(f)])
    _filter(te.__cause__, seen)
    _filter(te.__context__, seen)


def format_readers_traceback(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    _filter(te, set())
    return "".join(te.format())


async def run_source(code, filename, namespace=None):
    """Runs code as the file `filename`; returns None, or the traceback text on an exception."""
    if namespace is None:
        ns = {"__name__": "__main__", "__builtins__": __builtins__}
    else:
        ns = _namespaces.setdefault(namespace, {"__name__": "__main__", "__builtins__": __builtins__})
    # Tracebacks show source lines only if linecache can find them.
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        await eval_code_async(code, ns, filename=filename)
        return None
    except BaseException as exc:  # the reader's SystemExit/KeyboardInterrupt end the run too
        if isinstance(exc, SystemExit) and exc.code in (None, 0):
            return None
        return format_readers_traceback(exc)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
