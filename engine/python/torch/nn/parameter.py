"""torch.nn.Parameter: a Tensor subclass that Module registers as a learnable weight.

Parameter(data) aliases data's storage (as PyTorch's _make_subclass does) and requires grad.
"""

from .. import _bridge
from .._bridge import call
from .._tensor import Tensor


class Parameter(Tensor):
    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from .._functions import empty

            data = empty(0)
        js = call(data._js.detach)
        if requires_grad:
            call(js.requiresGrad_, True)
        return cls._adopt(js)

    def __init__(self, data=None, requires_grad=True):
        pass

    @classmethod
    def _adopt(cls, js):
        """The Parameter for engine tensor js, registered so wrap(js) returns it (identity)."""
        p = object.__new__(cls)
        p._js = js
        _bridge._wrappers[_bridge.engine.idOf(js)] = p
        return p

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__

    def __reduce_ex__(self, proto):
        raise NotImplementedError("pickling a Parameter is not supported in Torchlit")


Parameter.__module__ = "torch.nn.parameter"
