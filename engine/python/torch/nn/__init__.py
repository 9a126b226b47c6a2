"""torch.nn: Module and the layers, activations and losses a first PyTorch tutorial uses.

Layers compute through torch.nn.functional, which calls the engine's F; this package only
keeps PyTorch's module bookkeeping (registration, modes, state_dict) and its reprs.
"""

from . import functional, init
from .modules import *  # noqa: F401,F403
from .parameter import Parameter
from . import utils  # noqa: E402 (uses the modules above)

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
