"""torch.nn.init: in-place initialisers over the engine's init (same draws as PyTorch)."""

import _torchlit as engine

from .._bridge import call, options
from ..autograd import no_grad


def _run(fn, tensor, *args):
    with no_grad():
        call(fn, tensor._js, *args)
    return tensor


def calculate_gain(nonlinearity, param=None):
    return call(engine.init.calculate_gain, nonlinearity, param)


def _calculate_fan_in_and_fan_out(tensor):
    fan_in, fan_out = call(engine.init.calculateFanInAndFanOut, tensor._js)
    return int(fan_in), int(fan_out)


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    return _run(engine.init.uniform_, tensor, float(a), float(b), generator and generator._js)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    return _run(engine.init.normal_, tensor, float(mean), float(std), generator and generator._js)


def constant_(tensor, val):
    return _run(engine.init.constant_, tensor, val)


def zeros_(tensor):
    return _run(engine.init.zeros_, tensor)


def ones_(tensor):
    return _run(engine.init.ones_, tensor)


def xavier_uniform_(tensor, gain=1.0):
    return _run(engine.init.xavier_uniform_, tensor, float(gain))


def xavier_normal_(tensor, gain=1.0):
    return _run(engine.init.xavier_normal_, tensor, float(gain))


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu"):
    return _run(engine.init.kaiming_uniform_, tensor, options(a=float(a), mode=mode, nonlinearity=nonlinearity))


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu"):
    return _run(engine.init.kaiming_normal_, tensor, options(a=float(a), mode=mode, nonlinearity=nonlinearity))

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
