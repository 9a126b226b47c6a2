"""torch.storage: TypedStorage and UntypedStorage, the memory under a tensor (Tensor.storage()).

A storage object is a window onto the engine storage of a tensor: it reads and writes through a
flat 1-d tensor over the whole storage, so a write shows in every tensor that shares it, and
data_ptr() is the storage's base address (a view's data_ptr() is that plus offset * itemsize).
Only Tensor.storage() makes them; PyTorch's storage constructors and file/sharing APIs are absent.
"""

import builtins
import struct

import _torchlit as engine

from ._bridge import call, wrap

_LEGACY = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool"}
_PACK = {"float32": "<f", "float64": "<d", "int64": "<q", "int32": "<i", "bool": "<?"}


def _typename(obj):
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _wrap_index(storage, idx):
    if not isinstance(idx, int):
        raise TypeError(f"can't index a {type(storage)} with {type(idx)}")
    n = storage.size()
    if idx >= n or idx < -n:
        raise IndexError(f"index {idx} out of range for storage of size {n}")
    return idx % n


def _text(storage, items):
    info = f"[{_typename(storage)}({storage._info()}) of size {len(storage)}]"
    return " " + "\n ".join(str(v) for v in items) + "\n" + info


class TypedStorage:
    """The storage of a tensor, element by element in its dtype."""

    __slots__ = ("_flat",)

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("torchlit makes storages only through Tensor.storage()")

    @classmethod
    def _of(cls, tensor):
        s = object.__new__(cls)
        s._flat = wrap(call(engine.storageView, tensor._js))
        return s

    @property
    def dtype(self):
        return self._flat.dtype

    @property
    def device(self):
        return self._flat.device

    @property
    def is_cuda(self):
        return self._flat.is_cuda

    is_sparse = False

    def size(self):
        return self._flat.numel()

    def __len__(self):
        return self.size()

    def element_size(self):
        return self._flat.element_size()

    def nbytes(self):
        return self.size() * self.element_size()

    def data_ptr(self):
        return self._flat.data_ptr()

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            raise RuntimeError("slices are only supported in UntypedStorage.__getitem__")
        if not isinstance(idx, int):
            raise RuntimeError(f"can't index a {type(self)} with {type(idx)}")
        return self._flat[_wrap_index(self, idx)].item()

    def __setitem__(self, idx, value):
        if not isinstance(idx, (int, slice)):
            raise RuntimeError(f"can't index a {type(self)} with {type(idx)}")
        self._flat[idx] = value

    def __iter__(self):
        return iter(self.tolist())

    def tolist(self):
        return self._flat.tolist()

    def fill_(self, value):
        self._flat.fill_(value)
        return self

    def untyped(self):
        return UntypedStorage._over(self._flat)

    def type(self, dtype=None):
        if dtype is not None:
            raise NotImplementedError("TypedStorage.type(dtype) is not supported")
        prefix = "torch.cuda." if self.is_cuda else "torch."
        return f"{prefix}{_LEGACY[self.dtype._name]}Storage"

    def cpu(self):
        s = object.__new__(TypedStorage)
        s._flat = self._flat.cpu()
        return s

    def is_shared(self):
        return False

    def is_pinned(self):
        return False

    def _info(self):
        return f"dtype={self.dtype}, device={self.device}"

    def __str__(self):
        return _text(self, self.tolist())

    __repr__ = __str__


class UntypedStorage:
    """The same memory as bytes (TypedStorage.untyped()): element_size() is 1."""

    __slots__ = ("_flat",)

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("torchlit makes storages only through Tensor.storage()")

    @classmethod
    def _over(cls, flat):
        s = object.__new__(cls)
        s._flat = flat
        return s

    @property
    def device(self):
        return self._flat.device

    @property
    def is_cuda(self):
        return self._flat.is_cuda

    def nbytes(self):
        return self._flat.numel() * self._flat.element_size()

    def size(self):
        return self.nbytes()

    def __len__(self):
        return self.nbytes()

    def element_size(self):
        return 1

    def data_ptr(self):
        return self._flat.data_ptr()

    def tolist(self):
        fmt = _PACK[self._flat.dtype._name]
        return [b for v in self._flat.tolist() for b in struct.pack(fmt, v)]

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            raise NotImplementedError("slicing an UntypedStorage is not supported")
        i = _wrap_index(self, idx)
        size = self._flat.element_size()
        value = self._flat[i // size].item()
        return struct.pack(_PACK[self._flat.dtype._name], value)[i % size]

    def __iter__(self):
        return iter(self.tolist())

    def type(self):
        return _typename(self)

    def is_shared(self):
        return False

    def is_pinned(self):
        return False

    def _info(self):
        return f"device={self.device}"

    def __str__(self):
        return _text(self, self.tolist())

    __repr__ = __str__


class _LegacyStorage(TypedStorage):
    """torch.FloatStorage and its kin: the names torch.save files give each storage's dtype."""

    __slots__ = ()


def _legacy(name):
    cls = type(f"{name}Storage", (_LegacyStorage,), {"__slots__": ()})
    cls.__module__ = "torch"
    return cls


FloatStorage = _legacy("Float")
DoubleStorage = _legacy("Double")
LongStorage = _legacy("Long")
IntStorage = _legacy("Int")
BoolStorage = _legacy("Bool")


def _legacy_dtypes():
    from . import _dtype

    return {
        "FloatStorage": _dtype.float32,
        "DoubleStorage": _dtype.float64,
        "LongStorage": _dtype.int64,
        "IntStorage": _dtype.int32,
        "BoolStorage": _dtype.bool,
    }


_LEGACY_DTYPES = _legacy_dtypes()


def is_storage(obj):
    return isinstance(obj, (TypedStorage, UntypedStorage))


def _install():
    """Tensor.storage() and Tensor.is_set_to(), defined here beside what they return."""
    from ._tensor import Tensor

    def storage(self):
        return TypedStorage._of(self)

    def is_set_to(self, tensor):
        if not isinstance(tensor, Tensor):
            raise TypeError(
                f"is_set_to(): argument 'tensor' (position 1) must be Tensor, not {type(tensor).__name__}"
            )
        return builtins.bool(call(self._js.is_set_to, tensor._js))

    Tensor.storage = storage
    Tensor.is_set_to = is_set_to


_install()
