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


# The IEEE 754 limits of the float dtypes: (bits, eps, max, smallest normal, resolution).
_FLOAT_LIMITS = {
    "float32": (32, 2.0**-23, (2 - 2.0**-23) * 2.0**127, 2.0**-126, 1e-06),
    "float64": (64, 2.0**-52, (2 - 2.0**-52) * 2.0**1023, 2.0**-1022, 1e-15),
}
_INT_LIMITS = {"int64": (64, -(2**63), 2**63 - 1), "int32": (32, -(2**31), 2**31 - 1)}


class finfo:
    """torch.finfo(dtype): machine limits of a float dtype (the default dtype when omitted)."""

    __slots__ = ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype")

    def __init__(self, type=None):
        d = get_default_dtype() if type is None else type
        if not isinstance(d, dtype) or d._name not in _FLOAT_LIMITS:
            raise TypeError(
                "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'"
            )
        self.bits, self.eps, self.max, self.tiny, self.resolution = _FLOAT_LIMITS[d._name]
        self.min = -self.max
        self.smallest_normal = self.tiny
        self.dtype = d._name

    def __eq__(self, other):
        return isinstance(other, finfo) and other.dtype == self.dtype

    def __hash__(self):
        return hash(("finfo", self.dtype))

    def __repr__(self):
        return (
            f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, "
            f"eps={self.eps:g}, smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, "
            f"dtype={self.dtype})"
        )


class iinfo:
    """torch.iinfo(dtype): the range of an integer dtype."""

    __slots__ = ("bits", "min", "max", "dtype")

    def __init__(self, type):
        if type is bool:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if not isinstance(type, dtype) or type._name not in _INT_LIMITS:
            raise TypeError(
                "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'"
            )
        self.bits, self.min, self.max = _INT_LIMITS[type._name]
        self.dtype = type._name

    def __eq__(self, other):
        return isinstance(other, iinfo) and other.dtype == self.dtype

    def __hash__(self):
        return hash(("iinfo", self.dtype))

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"
