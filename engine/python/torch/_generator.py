"""torch.Generator: a Python face for the engine's Generator (PyTorch's CPU mt19937 stream).

The engine owns the state and the draws; this class only forwards seeding and state.
"""

import _torchlit as engine

from ._bridge import call


class Generator:
    __slots__ = ("_js", "device")

    def __init__(self, device="cpu"):
        from ._device import device as _device

        self._js = engine.Generator.new()
        self.device = _device(device)

    @classmethod
    def _from_js(cls, js):
        g = object.__new__(cls)
        g._js = js
        from ._device import device as _device

        g.device = _device("cpu")
        return g

    def manual_seed(self, seed):
        call(self._js.manual_seed, int(seed))
        return self

    def initial_seed(self):
        return int(call(self._js.initial_seed))

    def seed(self):
        return int(call(self._js.seed))

    def get_state(self):
        return _State(call(self._js.get_state))

    def set_state(self, state):
        call(self._js.set_state, state._js)
        return self


class _State:
    """An opaque generator state (PyTorch returns a ByteTensor; Torchlit keeps the engine's)."""

    __slots__ = ("_js",)

    def __init__(self, js):
        self._js = js


default_generator = Generator._from_js(engine.default_generator)
