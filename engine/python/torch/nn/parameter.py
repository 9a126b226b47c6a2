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


_SHAPE_UNKNOWN = (
    "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in "
    "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. "
    "Call `forward` to initialize the parameters before accessing their attributes."
)
_NO_DATA = (
    "Attempted to use an uninitialized parameter. This error happens when you are using a "
    "`LazyModule` or explicitly manipulating `torch.nn.parameter.UninitializedParameter` objects. "
    "When using LazyModules Call `forward` with a dummy batch to initialize the parameters before "
    "calling torch functions"
)


class UninitializedParameter(Parameter):
    """A parameter of a lazy module before its first forward: no shape and no data yet.

    materialize() gives it data and turns it into a plain Parameter in place, so every reference
    to it (a module's, a list of parameters) sees the initialised one.
    """

    cls_to_become = Parameter

    def __new__(cls, requires_grad=True, device=None, dtype=None):
        p = object.__new__(cls)
        p.__dict__["_lazy"] = (requires_grad, device, dtype)
        return p

    def __init__(self, requires_grad=True, device=None, dtype=None):
        pass

    def __del__(self):
        pass

    @property
    def _js(self):
        raise ValueError(_NO_DATA)

    @property
    def shape(self):
        raise RuntimeError(_SHAPE_UNKNOWN)

    def size(self, dim=None):
        raise RuntimeError(_SHAPE_UNKNOWN)

    def dim(self):
        raise RuntimeError(_SHAPE_UNKNOWN)

    def numel(self):
        raise RuntimeError(_SHAPE_UNKNOWN)

    ndim = shape

    @property
    def requires_grad(self):
        return self.__dict__["_lazy"][0]

    def _materialize_from(self, js):
        """Takes engine tensor js as this parameter's data and becomes a Parameter."""
        requires_grad = self.__dict__.pop("_lazy")[0]
        call(js.requiresGrad_, bool(requires_grad))
        Tensor._js.__set__(self, js)
        _bridge._wrappers[_bridge.engine.idOf(js)] = self
        self.__class__ = self.cls_to_become

    def materialize(self, shape, device=None, dtype=None):
        from .._functions import empty

        _, own_device, own_dtype = self.__dict__["_lazy"]
        made = empty(*shape, device=device or own_device, dtype=dtype or own_dtype)
        self._materialize_from(call(made._js.detach))

    def __repr__(self):
        return "<UninitializedParameter>"

    __str__ = __repr__


UninitializedParameter.__module__ = "torch.nn.parameter"
