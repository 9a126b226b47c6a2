"""torch.optim: Optimizer bookkeeping in Python, SGD and Adam updates in the engine."""

from .adam import Adam, AdamW
from .optimizer import Optimizer
from .sgd import SGD
from . import lr_scheduler  # noqa: E402

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
