"""torch.optim: Optimizer bookkeeping in Python, SGD and Adam updates in the engine."""

from .adam import Adam
from .optimizer import Optimizer
from .sgd import SGD
