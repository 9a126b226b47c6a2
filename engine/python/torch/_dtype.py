"""torch.dtype objects: one per engine dtype, with PyTorch's names, aliases and repr."""

import _torchlit as engine


class dtype:
    __slots__ = ("_name", "is_floating_point", "is_signed", "itemsize")

    def __init__(self, name, is_floating_point, is_signed, itemsize):
        self._name = name
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed
        self.itemsize = itemsize

    @property
    def is_complex(self):
        return False

    def __repr__(self):
        return "torch." + self._name

    __str__ = __repr__

    def __reduce__(self):
        return self._name


float32 = dtype("float32", True, True, 4)
float64 = dtype("float64", True, True, 8)
int64 = dtype("int64", False, True, 8)
int32 = dtype("int32", False, True, 4)
bool = dtype("bool", False, False, 1)

_BY_NAME = {d._name: d for d in (float32, float64, int64, int32, bool)}


def from_name(name):
    return _BY_NAME[name]


def get_default_dtype():
    return _BY_NAME[engine.getDefaultDtype()]


def set_default_dtype(d):
    engine.setDefaultDtype(d._name)
