"""torch for Torchlit: PyTorch 1.13's Python API over the Torchlit TypeScript engine.

The engine does the work (`_torchlit`, registered by the runtime); this package gives it
PyTorch's Python face: Tensor, dtypes, Size, device, factories, random draws, autograd,
grad modes, storages, torch.linalg's basics, and the nn / optim / utils.data packages a
tutorial uses.
"""

from . import autograd, backends, cuda, return_types
from ._device import _set_default_device, device
from ._dtype import (
    bool,
    dtype,
    finfo,
    float32,
    float64,
    get_default_dtype,
    iinfo,
    int32,
    int64,
    set_default_dtype,
)
from ._functions import *  # noqa: F401,F403 (the torch.* functions)
from ._functions import _METHOD_FUNCTIONS
from ._generator import Generator, default_generator
from ._size import Size
from ._tensor import Tensor
from ._utilities import (
    broadcast_shapes,
    broadcast_tensors,
    can_cast,
    promote_types,
    result_type,
    set_printoptions,
)
from .autograd import enable_grad, is_grad_enabled, no_grad, set_grad_enabled

from . import distributions, linalg, nn, optim, storage, utils, version  # noqa: E402 (they use the names above)
from .storage import TypedStorage, UntypedStorage, is_storage  # noqa: E402
from .storage import BoolStorage, DoubleStorage, FloatStorage, IntStorage, LongStorage  # noqa: E402


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True):
    """torch.save (torch/serialization.py, imported on first use: zipfile and pickle load then)."""
    from . import serialization

    return serialization.save(obj, f, pickle_protocol=pickle_protocol)


def load(f, map_location=None, pickle_module=None, *, weights_only=False, **pickle_load_args):
    """torch.load (torch/serialization.py, imported on first use)."""
    from . import serialization

    return serialization.load(f, map_location, weights_only=weights_only)


__version__ = "1.13.1"

float = float32
double = float64
long = int64
int = int32

# The legacy typed constructors (torch.FloatTensor([1, 2]), torch.LongTensor(3)), CPU only.
from ._tensor import _legacy_type  # noqa: E402

FloatTensor = _legacy_type("FloatTensor", "float32")
DoubleTensor = _legacy_type("DoubleTensor", "float64")
LongTensor = _legacy_type("LongTensor", "int64")
IntTensor = _legacy_type("IntTensor", "int32")
BoolTensor = _legacy_type("BoolTensor", "bool")
del _legacy_type

# PyTorch's classes live in the torch namespace (`<class 'torch.Size'>`), not in submodules.
for _cls in (Tensor, Size, dtype, device, Generator):
    _cls.__module__ = "torch"
del _cls

# A name PyTorch has and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from ._missing import NotInTorchlitError  # noqa: E402
from ._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
