"""torch.autograd.Variable: the wrapper older PyTorch code uses, kept as PyTorch keeps it.

Since PyTorch 0.4 every tensor records gradients itself, so Variable(t) is only t.detach()
(the same data, no history) with requires_grad as given, and isinstance(x, Variable) holds for
every tensor.
"""

import warnings


class _VariableMeta(type):
    def __instancecheck__(cls, other):
        from .._tensor import Tensor

        return isinstance(other, Tensor)


class Variable(metaclass=_VariableMeta):
    def __new__(cls, data=None, requires_grad=False, volatile=False):
        from .._functions import empty
        from .._tensor import Tensor

        if volatile:
            warnings.warn(
                "volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
                UserWarning,
                stacklevel=2,
            )
        if data is None:
            data = empty(0)
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        out = data.detach()
        if requires_grad:
            if not out.dtype.is_floating_point:
                raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
            out.requires_grad_(True)
        return out


Variable.__module__ = "torch.autograd.variable"
