"""torch.nn.modules: the Module base class and the layers built on it."""

from .activation import (
    GELU,
    Dropout,
    Flatten,
    LeakyReLU,
    LogSoftmax,
    ReLU,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    Tanh,
)
from .container import ModuleList, Sequential
from .linear import Identity, LazyLinear, Linear
from .loss import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss,
                   SmoothL1Loss)
from .module import Module

__all__ = [
    "Module", "Linear", "LazyLinear", "Identity", "Sequential", "ModuleList", "ReLU", "Sigmoid", "Tanh",
    "Softmax", "LogSoftmax", "LeakyReLU", "GELU", "Softplus", "SiLU", "Flatten", "Dropout", "MSELoss", "HuberLoss", "SmoothL1Loss",
    "L1Loss", "CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss",
]  # fmt: skip

# Flatten and Dropout share activation.py here; PyTorch keeps each in its own module.
Flatten.__module__ = "torch.nn.modules.flatten"
Dropout.__module__ = "torch.nn.modules.dropout"
