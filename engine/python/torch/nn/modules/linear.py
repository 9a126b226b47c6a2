"""nn.Linear, nn.LazyLinear and nn.Identity. Linear's weight and bias come from the engine's
linearParameters, which draws them exactly as PyTorch's reset_parameters does.
"""

import warnings

import _torchlit as engine

from ..._bridge import call
from .. import functional as F
from .. import init
from ..parameter import Parameter, UninitializedParameter
from .module import Module


def _placed(js, device):
    """A parameter drawn on the CPU (PyTorch's CPU generator sequence), as a leaf on the module's
    device: device=, else the default device (the site's GPU choice, `torchlit run --device`)."""
    from ..._device import engine_type

    dev = engine_type(device)
    if dev == js.deviceType:
        return js
    moved = call(call(js.detach).to, dev)
    call(moved.requiresGrad_, True)
    return moved


class Identity(Module):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        made = call(
            engine.init.linearParameters,
            int(in_features),
            int(out_features),
            bool(bias),
            dtype._name if dtype is not None else None,
        )
        self.weight = Parameter._adopt(_placed(made.weight, device))
        if bias:
            self.bias = Parameter._adopt(_placed(made.bias, device))
        else:
            self.register_parameter("bias", None)

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=5**0.5)
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / fan_in**0.5 if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class LazyLinear(Linear):
    """A Linear whose in_features is the last dim of its first input.

    Until the first forward its weight and bias are UninitializedParameters; that forward draws
    them as Linear(in_features, out_features) would (same generator calls, same order), turns
    them into Parameters in place and makes the module a Linear, as PyTorch does.
    """

    cls_to_become = Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        warnings.warn(
            "Lazy modules are a new feature under heavy development so changes to the API or "
            "functionality can happen at any moment.",
            UserWarning,
            stacklevel=2,
        )
        Module.__init__(self)
        self.in_features = 0
        self.out_features = out_features
        object.__setattr__(self, "_factory", (device, dtype))
        self.weight = UninitializedParameter(device=device, dtype=dtype)
        if bias:
            self.bias = UninitializedParameter(device=device, dtype=dtype)
        else:
            self.register_parameter("bias", None)

    def has_uninitialized_params(self):
        return any(isinstance(p, UninitializedParameter) for p in self._parameters.values())

    def reset_parameters(self):
        if not self.has_uninitialized_params():
            super().reset_parameters()

    def initialize_parameters(self, input):
        if not self.has_uninitialized_params():
            return
        device, dtype = self.__dict__.pop("_factory")
        self.in_features = input.shape[-1]
        made = call(
            engine.init.linearParameters,
            int(self.in_features),
            int(self.out_features),
            self.bias is not None,
            dtype._name if dtype is not None else None,
        )
        self.weight._materialize_from(_placed(made.weight, device))
        if self.bias is not None:
            self.bias._materialize_from(_placed(made.bias, device))
        self.__class__ = self.cls_to_become

    def forward(self, input):
        self.initialize_parameters(input)
        return F.linear(input, self.weight, self.bias)
