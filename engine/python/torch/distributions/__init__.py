"""torch.distributions: Categorical and Multinomial, the two the course's sources sample from.

Sampling draws through torch.multinomial, so a seeded program gets PyTorch's samples. Other
PyTorch distributions raise NotInTorchlitError (torch/_missing.py).
"""

from . import constraints
from .categorical import Categorical
from .distribution import Distribution
from .multinomial import Multinomial

__all__ = ["Categorical", "Distribution", "Multinomial", "constraints"]

from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
