"""no_grad / enable_grad / set_grad_enabled: context managers that are also decorators."""

import functools

import _torchlit as engine


class _GradMode:
    _enabled = True

    def __enter__(self):
        self._prev = engine.isGradEnabled()
        engine.setGradEnabled(self._enabled)

    def __exit__(self, *exc):
        engine.setGradEnabled(self._prev)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with type(self)():
                return fn(*args, **kwargs)

        return wrapper


class no_grad(_GradMode):
    _enabled = False


class enable_grad(_GradMode):
    _enabled = True


class set_grad_enabled(_GradMode):
    def __init__(self, mode):
        # Like PyTorch, the mode switches at construction, so a bare call works too.
        self._prev = engine.isGradEnabled()
        self._enabled = bool(mode)
        engine.setGradEnabled(self._enabled)

    def __enter__(self):
        pass


def is_grad_enabled():
    return engine.isGradEnabled()
