"""Runs a reader's program for the torchlit runtime and formats its uncaught exception.

The traceback keeps the reader's frames only: frames from this module, the torch package and
Pyodide's own machinery are implementation details a learner should never have to read.
"""

import linecache
import sys
import traceback
import types

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


def _filter(te, seen, keep):
    # A TracebackException chains causes and contexts; filter every link, once, keeping the
    # last `keep` of the reader's frames.
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    readers = [f for f in te.stack if _is_readers_frame(f)]
    te.stack = traceback.StackSummary.from_list(readers[len(readers) - keep :] if keep else [])
    _filter(te.__cause__, seen, keep)
    _filter(te.__context__, seen, keep)


def format_readers_traceback(exc):
    # As CPython prints an uncaught exception: the last sys.tracebacklimit (1000) entries only,
    # which also keeps a RecursionError 100,000 frames deep quick to format. Only the reader's
    # frames count (CPython's torch has no Python frames to count), so a few more are read.
    keep = getattr(sys, "tracebacklimit", 1000)
    keep = max(keep, 0) if isinstance(keep, int) else 1000
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, limit=-(keep + 64))
    _filter(te, set(), keep)
    return "".join(te.format())


def release_traceback(exc):
    """Frees the frames of exc's tracebacks (and its causes' and contexts') one at a time.

    A traceback is a chain, each link holding a frame whose f_back holds its caller's. Dropped
    at once, the chain is freed recursively, and in WebAssembly a chain some ten thousand
    frames long (recursion after sys.setrecursionlimit) overflows the browser's stack and kills
    Pyodide, where CPython would just have printed the RecursionError. Unlinked and popped from
    the deepest end, each frame is freed on its own.
    """
    links, seen, todo = [], set(), [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        tb, e.__traceback__ = e.__traceback__, None
        while tb is not None:
            links.append(tb)
            tb, links[-1].tb_next = tb.tb_next, None
        todo += [e.__cause__, e.__context__, *getattr(e, "exceptions", ())]
    while links:
        links.pop()


def main_namespace(namespaces, name):
    """The globals of the reader's program `name` (None: a fresh one), made the __main__ module.

    A program's classes and functions then live in sys.modules["__main__"], as in a real
    `python file.py`, so pickle (torch.save of a model) finds them by name.
    """
    module = namespaces.get(name) if name is not None else None
    if module is None:
        module = types.ModuleType("__main__")
        module.__builtins__ = __builtins__
        if name is not None:
            namespaces[name] = module
    sys.modules["__main__"] = module
    return module.__dict__


async def run_source(code, filename, namespace=None):
    """Runs code as the file `filename`; returns None, or the traceback text on an exception."""
    ns = main_namespace(_namespaces, namespace)
    # Tracebacks show source lines only if linecache can find them.
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        await eval_code_async(code, ns, filename=filename)
        return None
    except BaseException as exc:  # the reader's SystemExit/KeyboardInterrupt end the run too
        if isinstance(exc, SystemExit) and exc.code in (None, 0):
            return None
        text = format_readers_traceback(exc)
        release_traceback(exc)
        return text
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
