"""tl_check: the assertion library exercise checks are written with, and the grading harness.

A check grades the reader's namespace by behaviour (values, shapes, dtypes, identity, shared
memory, gradients, allocations), never by reading the reader's source. Every failed assertion
raises Feedback(id, **params); the texts for ids live in content/exercises/feedback.json and are
rendered by the site (src/exercises/grade.ts), so this module never holds prose.
"""

import collections
import contextlib
import io
import json
import math

import torch

try:  # the engine's allocation counter; absent under real PyTorch (checks never run there)
    import _torchlit
except ImportError:  # pragma: no cover
    _torchlit = None

RESULT_MARKER = "\x1eTLGRADE "


class Feedback(Exception):
    """A failed expectation: `id` names a catalogue entry, `params` fill its {placeholders}."""

    def __init__(self, id, **params):
        super().__init__(id)
        self.id = id
        self.params = {k: _show(v) for k, v in params.items()}


def _show(value):
    if isinstance(value, torch.Size):
        return str(list(value))
    if isinstance(value, torch.dtype):
        return str(value)
    return str(value)


class Run:
    """What happened when the reader's code ran: the setup's names (`given`), allocations, output."""

    def __init__(self, given, storages, nbytes, output):
        self.given = given
        self.storages = storages
        self.bytes = nbytes
        self.output = output


# ---- assertions -------------------------------------------------------------------------------


def expect(condition, id, **params):
    """Raises Feedback(id) unless condition holds."""
    if not condition:
        raise Feedback(id, **params)


def get(ns, name):
    """The reader's variable `name`; Feedback "missing-name" when it was never assigned."""
    if name not in ns:
        raise Feedback("missing-name", name=name)
    return ns[name]


def expect_tensor(value, name):
    expect(isinstance(value, torch.Tensor), "not-a-tensor", name=name, got=type(value).__name__)
    return value


def expect_shape(t, shape, name):
    expect_tensor(t, name)
    expect(tuple(t.shape) == tuple(shape), "wrong-shape", name=name,
           expected=list(shape), actual=list(t.shape))


def expect_dtype(t, dtype, name):
    expect_tensor(t, name)
    expect(t.dtype == dtype, "wrong-dtype", name=name, expected=dtype, actual=t.dtype)


def _flat(value):
    if isinstance(value, torch.Tensor):
        value = value.detach().tolist()
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_flat(v))
        return out
    return [float(value)]


def close(actual, expected, rtol=1e-5, atol=1e-6):
    """Whether two tensors / nested lists / numbers hold the same values within tolerance."""
    if isinstance(actual, torch.Tensor) and isinstance(expected, torch.Tensor):
        if tuple(actual.shape) != tuple(expected.shape):
            return False
    a, e = _flat(actual), _flat(expected)
    if len(a) != len(e):
        return False
    return all(
        (math.isnan(x) and math.isnan(y)) or abs(x - y) <= atol + rtol * abs(y)
        for x, y in zip(a, e)
    )


def expect_close(t, expected, name, id="wrong-values", rtol=1e-5, atol=1e-6):
    """Values within tolerance; the feedback shows what was found."""
    expect(close(t, expected, rtol, atol), id, name=name, actual=_brief(t), expected=_brief(expected))


def _brief(value):
    if isinstance(value, torch.Tensor):
        return str(value.detach().tolist())
    return str(value)


def same_object(a, b):
    """Identity: the same Python object (what `id(a) == id(b)` tells)."""
    return a is b


def _storage_key(t):
    if hasattr(t, "untyped_storage"):
        return t.untyped_storage().data_ptr()
    # The engine has no storage objects in Python yet: compare the engine tensors' storages.
    return _torchlit.idOf(t._js.storage)


def shares_memory(a, b):
    """Whether two tensors read and write the same storage (views of one another)."""
    return _storage_key(a) == _storage_key(b)


def expect_requires_grad(t, name, value=True):
    expect_tensor(t, name)
    expect(t.requires_grad == value, "requires-grad-missing" if value else "requires-grad-unwanted",
           name=name)


def expect_grad(t, expected, name, id="wrong-grad"):
    """t.grad exists ("no-backward" otherwise) and equals expected within tolerance."""
    expect_tensor(t, name)
    expect(t.grad is not None, "no-backward", name=name)
    expect(close(t.grad, expected), id, name=name, actual=_brief(t.grad), expected=_brief(expected))


def expect_no_allocation(run, id="allocated"):
    """The reader's code created no new tensor storage (in-place and view operations only)."""
    expect(run.storages == 0, id, storages=run.storages)


# ---- the harness ------------------------------------------------------------------------------

# What is kept of the reader's printed output: the start and the end, as a code cell shows it
# (src/runtime/output-limit.ts), so that printing without end neither grows memory nor makes a
# result line the page cannot take.
OUTPUT_HEAD_CHARS = 100_000
OUTPUT_TAIL_CHARS = 20_000


class BoundedOutput(io.TextIOBase):
    """A stdout that keeps the first and the last characters written and counts the rest."""

    def __init__(self, head=OUTPUT_HEAD_CHARS, tail=OUTPUT_TAIL_CHARS):
        self._head = []
        self._head_left = head
        self._tail = collections.deque()
        self._tail_chars = 0
        self._tail_max = tail
        self.hidden_lines = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        n = len(text)
        if self._head_left > 0:
            part = text[: self._head_left]
            self._head.append(part)
            self._head_left -= len(part)
            text = text[len(part):]
        if text:
            self._tail.append(text)
            self._tail_chars += len(text)
            while self._tail_chars > self._tail_max:
                first = self._tail.popleft()
                over = self._tail_chars - self._tail_max
                if len(first) <= over:
                    self.hidden_lines += first.count("\n")
                    self._tail_chars -= len(first)
                else:
                    self.hidden_lines += first[:over].count("\n")
                    self._tail.appendleft(first[over:])
                    self._tail_chars -= over
        return n

    @property
    def head(self):
        return "".join(self._head)

    @property
    def tail(self):
        return "".join(self._tail)

    @property
    def truncated(self):
        return self._tail_chars > 0

    def getvalue(self):
        """Head and tail together (what a check reads as the reader's output)."""
        return self.head + self.tail


def _storages():
    return (_torchlit.allocStats.storagesCreated, _torchlit.allocStats.bytesAllocated)


def _error_feedback(checker, exc, ns):
    """explain_error(exc), or explain_error(exc, ns) when it takes the reader's namespace too."""
    import inspect

    explain = checker.get("explain_error")
    found = None
    if explain:
        takes_ns = len(inspect.signature(explain).parameters) >= 2
        found = explain(exc, ns) if takes_ns else explain(exc)
    if isinstance(found, Feedback):
        return found
    if found:
        return Feedback(found, type=type(exc).__name__, message=str(exc))
    return Feedback("code-raised", type=type(exc).__name__, message=str(exc))


class _Guard:
    """What the reader's code could change to fool or break the check, put back before it runs.

    The builtins, the torch and json modules, the Tensor classes, this module and the check's
    namespace are copied before the reader's code runs and restored after it (keys it added are
    removed, except modules it imported), with the code of every function in the last two: so
    replacing `expect` or `Tensor.tolist`, deleting `torch.ones`, rebinding `print`, or swapping
    the check's code through `gc` changes nothing the check or anything after it sees. The
    reader's own namespace is theirs and is kept. Not a sandbox: code that patches the engine
    through `js`, or reads this run's verdict key from the frames above it, can still cheat.
    """

    def __init__(self, checker):
        import builtins
        import sys

        self._sys = sys
        self._dicts = [(d, dict(d)) for d in (builtins.__dict__, torch.__dict__, json.__dict__,
                                              globals(), checker)]
        self._classes = [(c, dict(vars(c))) for c in _tensor_classes()]
        self._functions = [
            (f, f.__code__, f.__defaults__, f.__kwdefaults__)
            for d in (globals(), checker)
            for f in list(d.values())
            if isinstance(f, _FunctionType)
        ]
        self._streams = {n: getattr(sys, n) for n in ("stdout", "stderr", "__stdout__", "__stderr__")}

    def restore(self):
        for d, saved in self._dicts:
            for key in [k for k in d if k not in saved and not isinstance(d[k], _ModuleType)]:
                del d[key]
            for key, value in saved.items():
                if d.get(key, _MISSING) is not value:
                    d[key] = value
        for cls, saved in self._classes:
            now = vars(cls)
            for key in [k for k in now if k not in saved]:
                delattr(cls, key)
            for key, value in saved.items():
                if now.get(key, _MISSING) is not value and key not in ("__dict__", "__weakref__"):
                    setattr(cls, key, value)
        for f, code, defaults, kwdefaults in self._functions:
            f.__code__, f.__defaults__, f.__kwdefaults__ = code, defaults, kwdefaults
        for name, stream in self._streams.items():
            setattr(self._sys, name, stream)


_MISSING = object()
_FunctionType = type(_show)
_ModuleType = type(math)


def _tensor_classes():
    classes = [c for c in torch.Tensor.__mro__ if c is not object]
    parameter = getattr(getattr(torch, "nn", None), "Parameter", None)
    return classes + ([parameter] if isinstance(parameter, type) else [])


def grade(setup, code, check_source, filename="exercise.py"):
    """Runs setup, then the reader's code (measured), then the check; returns the result dict."""
    ns = {"__name__": "__main__"}
    exec(compile(setup, "setup.py", "exec"), ns)
    given = dict(ns)
    checker = {"__name__": "check"}
    exec(compile(check_source, "check.py", "exec"), checker)
    output = BoundedOutput()
    error = None
    guard = _Guard(checker)
    s0, b0 = _storages()
    try:
        with contextlib.redirect_stdout(output):
            exec(compile(code, filename, "exec"), ns)
    except (Exception, SystemExit) as exc:  # the reader's error (or exit) is feedback
        error = exc
    finally:
        guard.restore()
    s1, b1 = _storages()
    run = Run(given, s1 - s0, b1 - b0, output.getvalue())
    try:
        if error is not None:
            raise _error_feedback(checker, error, ns)
        checker["check"](ns, run)
        result = {"passed": True, "feedbackId": "passed", "params": {}}
    except Feedback as fb:
        result = {"passed": False, "feedbackId": fb.id, "params": fb.params}
    except Exception as exc:  # a bug in the check itself: say so rather than blame the reader
        result = {"passed": False, "feedbackId": "check-crashed",
                  "params": {"type": type(exc).__name__, "message": str(exc)}}
    result["output"] = output.head
    if output.truncated:
        result["outputTail"] = output.tail
        result["outputHiddenLines"] = output.hidden_lines
    return result


def grade_and_report(setup, code, check_source, key=""):
    """Grades and prints the result as one marked JSON line for the host to pick up.

    `key` is this run's random verdict key: the host takes only a line that carries it, so a
    result the reader's code prints itself (on sys.__stdout__, past the captured output) is not
    taken for the grader's.
    """
    result = grade(setup, code, check_source)
    print(RESULT_MARKER + key + " " + json.dumps(result))
