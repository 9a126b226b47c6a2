"""torch.optim: Optimizer bookkeeping in Python, SGD and Adam updates in the engine."""

from .adam import Adam, AdamW
from .optimizer import Optimizer
from .sgd import SGD
from . import lr_scheduler  # noqa: E402
