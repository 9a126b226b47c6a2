"""nn.Linear and nn.Identity. Linear's weight and bias come from the engine's
linearParameters, which draws them exactly as PyTorch's reset_parameters does.
"""

import _torchlit as engine

from ..._bridge import call
from .. import functional as F
from .. import init
from ..parameter import Parameter
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
