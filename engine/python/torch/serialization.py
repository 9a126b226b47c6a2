"""torch.save and torch.load in PyTorch's zip format (the default since PyTorch 1.6).

A file is a zip archive, `archive/`: `data.pkl` pickles the object (protocol 2), with each tensor
written as `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks)`
and each storage as a persistent id ('storage', torch.FloatStorage, key, location, numel) whose
bytes (little-endian) are the record `data/<key>`; `version` holds 3. Tensors that share a
storage share it again after loading. Files Torchlit writes load in PyTorch and the other way
round, for tensors, lists, dicts and state_dicts; a pickled Module needs its class on both sides.
"""

import collections
import io
import os
import pickle
import struct
import zipfile

import _torchlit as engine

from ._bridge import call, wrap
from ._tensor import Tensor

_FORMAT = {"float32": "f", "float64": "d", "int64": "q", "int32": "i", "bool": "?"}


def _storage_classes():
    from . import storage

    return {
        "float32": storage.FloatStorage,
        "float64": storage.DoubleStorage,
        "int64": storage.LongStorage,
        "int32": storage.IntStorage,
        "bool": storage.BoolStorage,
    }


class _StorageRef:
    """One storage to write: its record key, dtype name and flat tensor over all of it."""

    __slots__ = ("key", "dtype", "flat", "location")

    def __init__(self, key, dtype, flat, location):
        self.key, self.dtype, self.flat, self.location = key, dtype, flat, location


class _Pickler(pickle.Pickler):
    def __init__(self, file, protocol):
        super().__init__(file, protocol)
        self.storages = {}  # storage base address -> _StorageRef

    def _storage_of(self, t):
        flat = wrap(call(engine.storageView, t._js))
        key = (t.device.type, flat.data_ptr())
        ref = self.storages.get(key)
        if ref is None:
            location = "cpu" if t.device.type == "cpu" else "cuda:0"
            ref = _StorageRef(str(len(self.storages)), t.dtype._name, flat, location)
            self.storages[key] = ref
        return ref

    def reducer_override(self, obj):
        from ._utils import _rebuild_parameter, _rebuild_tensor_v2
        from .nn.parameter import Parameter, UninitializedParameter

        if isinstance(obj, UninitializedParameter):
            raise RuntimeError("torch.save of an uninitialized parameter: run the module's forward first")
        if isinstance(obj, Parameter):
            return _rebuild_parameter, (obj.detach(), obj.requires_grad, collections.OrderedDict())
        if isinstance(obj, Tensor):
            args = (
                self._storage_of(obj),
                obj.storage_offset(),
                tuple(obj.shape),
                obj.stride(),
                obj.requires_grad,
                collections.OrderedDict(),
            )
            return _rebuild_tensor_v2, args
        return NotImplemented

    def persistent_id(self, obj):
        if isinstance(obj, _StorageRef):
            cls = _storage_classes()[obj.dtype]
            return ("storage", cls, obj.key, obj.location, obj.flat.numel())
        return None


def _storage_bytes(ref):
    values = ref.flat.tolist()
    return struct.pack(f"<{len(values)}{_FORMAT[ref.dtype]}", *values)


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True):
    data = io.BytesIO()
    pickler = _Pickler(data, pickle_protocol)
    pickler.dump(obj)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", data.getvalue())
        for ref in pickler.storages.values():
            z.writestr(f"archive/data/{ref.key}", _storage_bytes(ref))
        z.writestr("archive/version", b"3\n")
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as file:
            file.write(out.getvalue())
    else:
        f.write(out.getvalue())


_WEIGHTS_ONLY = {
    ("collections", "OrderedDict"),
    ("torch._utils", "_rebuild_tensor_v2"),
    ("torch._utils", "_rebuild_parameter"),
    *(("torch", f"{n}Storage") for n in ("Float", "Double", "Long", "Int", "Bool")),
}


def _target_device(map_location, location):
    from ._device import device as Device

    if map_location is None:
        return "cpu" if location == "cpu" else "cuda"
    if isinstance(map_location, dict):
        return _target_device(None, map_location.get(location, location))
    if isinstance(map_location, (str, Device)):
        return str(map_location)
    if callable(map_location):
        return None  # applied to the loaded storage below
    raise TypeError(f"map_location should be a str, torch.device, dict or function, not {type(map_location).__name__}")


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, records, prefix, map_location, weights_only):
        super().__init__(file)
        self.records, self.prefix = records, prefix
        self.map_location, self.weights_only = map_location, weights_only
        self.loaded = {}

    def find_class(self, module, name):
        if self.weights_only and (module, name) not in _WEIGHTS_ONLY:
            raise pickle.UnpicklingError(
                "Weights only load failed. Re-running `torch.load` with `weights_only` set to `False` "
                "will likely succeed, but it can result in arbitrary code execution.Do it only if you "
                f"get the file from a trusted source. WeightsUnpickler error: Unsupported class {module}.{name}"
            )
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_parameter"):
            from . import _utils

            return getattr(_utils, name)
        return super().find_class(module, name)

    def persistent_load(self, pid):
        from . import storage
        from ._functions import tensor

        kind, cls, key, location, numel = pid
        if kind != "storage":
            raise pickle.UnpicklingError(f"unknown persistent id {kind!r}")
        if key in self.loaded:
            return self.loaded[key]
        dtype = storage._LEGACY_DTYPES.get(cls.__name__)
        if dtype is None:
            raise RuntimeError(f"torch.load: Torchlit has no {cls.__name__} (its dtype is not in the engine)")
        raw = self.records(f"{self.prefix}data/{key}")
        values = list(struct.unpack(f"<{numel}{_FORMAT[dtype._name]}", raw[: numel * dtype.itemsize]))
        flat = tensor(values, dtype=dtype)
        target = _target_device(self.map_location, location)
        if target is None:
            flat = self.map_location(flat, location)
        elif target != "cpu":
            flat = flat.to(target)
        self.loaded[key] = flat
        return flat


def load(f, map_location=None, pickle_module=pickle, *, weights_only=False, **pickle_load_args):
    if isinstance(f, (str, os.PathLike)):
        with open(f, "rb") as file:
            raw = file.read()
    else:
        raw = f.read()
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise pickle.UnpicklingError(
            "torch.load: this file is not in PyTorch's zip format (what torch.save writes since "
            "PyTorch 1.6); Torchlit does not read the older format"
        )
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        names = z.namelist()
        pkl = next((n for n in names if n.endswith("/data.pkl") and n.count("/") == 1), None)
        if pkl is None:
            raise RuntimeError("PytorchStreamReader failed locating file data.pkl: file not found")
        prefix = pkl[: -len("data.pkl")]
        unpickler = _Unpickler(io.BytesIO(z.read(pkl)), z.read, prefix, map_location, weights_only)
        return unpickler.load()
