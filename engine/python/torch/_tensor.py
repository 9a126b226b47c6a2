"""torch.Tensor: a Python wrapper around one engine tensor (a JsProxy in `_js`).

Python protocol methods (operators, indexing, conversion, printing) are written out here;
ordinary methods are forwarded to the engine method of the same PyTorch name, with keyword
arguments placed into the engine's positional order by the signatures in _signatures.py.
"""

import builtins
import sys

import _torchlit as engine

from . import _bridge
from ._bridge import call, to_engine, wrap
from ._dtype import from_name
from ._device import device as _device
from ._device import engine_type
from ._signatures import SIGNATURES, SCALAR_OPERANDS, bind, numpy_aliases
from ._size import Size


def _host(js):
    """js itself on the CPU; for a GPU tensor, a detached CPU copy, waited for through JSPI."""
    if js.deviceType == "cpu":
        return js
    return _bridge.wait(lambda: call(js.detach).toAsync("cpu"))


def _operand(other):
    """The engine form of an operator's other side, or None if Python should try elsewhere."""
    if isinstance(other, Tensor):
        return other._js
    if isinstance(other, (builtins.bool, int, float)):
        return _bridge.scalar(other)
    return None


class Tensor:
    __slots__ = ("_js", "__weakref__", "__dict__")

    @classmethod
    def _from_js(cls, js):
        t = object.__new__(cls)
        t._js = js
        return t

    def __new__(cls, *args, **kwargs):
        # torch.Tensor(...), the legacy constructor: sizes give an uninitialised tensor (zeros
        # here), data a copy, both in the default dtype.
        from ._dtype import get_default_dtype

        return _legacy_new(get_default_dtype(), args, kwargs)

    def __del__(self):
        # Release the engine handle as soon as the wrapper dies, so the JS collector can reclaim
        # the storage (a training loop makes thousands of temporaries). Only a JsProxy nobody
        # else holds is destroyed: the slot, `js` and getrefcount's argument make 3.
        js = getattr(self, "_js", None)
        if js is not None and sys.getrefcount(js) <= 3:
            try:
                js.destroy()
            except Exception:
                pass

    # --- metadata -------------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._js.shape)

    def size(self, dim=None):
        if dim is None:
            return self.shape
        return call(self._js.size, dim)

    def stride(self, dim=None):
        if dim is None:
            return tuple(self._js.strides)
        return call(self._js.stride, dim)

    @property
    def dtype(self):
        return from_name(self._js.dtype)

    @property
    def device(self):
        return _device(self._js.device)

    @property
    def is_cuda(self):
        return self._js.deviceType == "cuda"

    @property
    def ndim(self):
        return self._js.ndim

    def dim(self):
        return self._js.ndim

    ndimension = dim

    def numel(self):
        return self._js.numel()

    nelement = numel

    def element_size(self):
        return self._js.elementSize()

    def data_ptr(self):
        return self._js.dataPtr()

    def storage_offset(self):
        return self._js.offset

    def is_contiguous(self):
        return self._js.isContiguous()

    def is_floating_point(self):
        return self.dtype.is_floating_point

    def type(self, dtype=None):
        if dtype is None:
            return self._js.legacyTypeName()
        return self.to(dtype)

    # --- autograd -------------------------------------------------------------------------
    @property
    def requires_grad(self):
        return self._js.requiresGrad

    @requires_grad.setter
    def requires_grad(self, flag):
        if flag and not self.dtype.is_floating_point:
            # The attribute setter's message differs from requires_grad_()'s in PyTorch.
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        call(lambda: setattr(self._js, "requiresGrad", builtins.bool(flag)))

    def requires_grad_(self, requires_grad=True):
        call(self._js.requiresGrad_, builtins.bool(requires_grad))
        return self

    # --- new_* factories: self's dtype and device unless told otherwise ----------------------
    def _new(self, name, size, dtype, device, requires_grad):
        from . import _functions

        dtype = self.dtype if dtype is None else dtype
        device = self.device if device is None else device
        return getattr(_functions, name)(*size, dtype=dtype, device=device, requires_grad=requires_grad)

    def new_zeros(self, *size, dtype=None, device=None, requires_grad=False):
        return self._new("zeros", size, dtype, device, requires_grad)

    def new_ones(self, *size, dtype=None, device=None, requires_grad=False):
        return self._new("ones", size, dtype, device, requires_grad)

    def new_empty(self, *size, dtype=None, device=None, requires_grad=False):
        return self._new("empty", size, dtype, device, requires_grad)

    def new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False):
        from . import _functions

        return _functions.full(
            size,
            fill_value,
            dtype=self.dtype if dtype is None else dtype,
            device=self.device if device is None else device,
            requires_grad=requires_grad,
        )

    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        from . import _functions

        return _functions.tensor(
            data,
            dtype=self.dtype if dtype is None else dtype,
            device=self.device if device is None else device,
            requires_grad=requires_grad,
        )

    @property
    def T(self):
        # The engine's T is a JS getter; PyTorch's x.T reverses all dims (PermuteBackward0),
        # warning (once per call site) when the tensor is not 2-D.
        if self.dim() != 2:
            import warnings

            warnings.warn(
                "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
                "deprecated and it will throw an error in a future release. Consider `x.mT` to "
                "transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` "
                "to reverse the dimensions of a tensor. (Triggered internally at  "
                "./aten/src/ATen/native/TensorShape.cpp:3277.)",
                UserWarning,
                stacklevel=2,
            )
        return self.permute(*reversed(range(self.dim())))

    @property
    def mT(self):
        if self.dim() < 2:
            raise RuntimeError(
                f"tensor.mT is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor."
            )
        return self.transpose(-2, -1)

    @property
    def mH(self):
        # The conjugate transpose: the engine's dtypes are all real, so it is mT.
        if self.dim() < 2:
            raise RuntimeError(
                f"tensor.mH is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor."
            )
        return self.transpose(-2, -1)

    @property
    def H(self):
        if self.dim() != 2:
            hint = " For batches of matrices, consider using tensor.mH" if self.dim() > 2 else ""
            raise RuntimeError(
                f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor.{hint}"
            )
        return self.transpose(0, 1)

    @property
    def is_leaf(self):
        return self._js.isLeaf

    @property
    def _base(self):
        # The tensor a view was made from (the root of a chain of views), else None.
        return wrap(self._js.base)

    @property
    def grad(self):
        if not self._js.isLeaf and not self._js.retainsGrad:
            # PyTorch's warning for the common mistake of reading y.grad on an intermediate.
            import warnings

            warnings.warn(
                "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its "
                ".grad attribute won't be populated during autograd.backward(). If you indeed want "
                "the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the "
                "non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you "
                "access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for "
                "more informations. (Triggered internally at  "
                "./build/aten/src/ATen/core/TensorBody.h:480.)",
                UserWarning,
                stacklevel=2,
            )
        return wrap(self._js.grad)

    @grad.setter
    def grad(self, value):
        # PyTorch's THPVariable_set_grad, check for check (the missing space after "type" is its).
        if value is None:
            self._js.grad = _bridge.jsnull
            return
        if not isinstance(value, Tensor):
            raise TypeError(
                f"assigned grad expected to be a Tensor or None but got grad of type{type(value).__name__}"
            )
        if value is self:
            raise RuntimeError("can't assign Variable as its own grad")
        if value.dtype != self.dtype or value.device.type != self.device.type:
            raise RuntimeError("assigned grad has data of a different type")
        if value.device != self.device:
            raise RuntimeError("assigned grad has data located on a different device")
        if value.shape != self.shape:
            raise RuntimeError("assigned grad has data of a different size")
        self._js.grad = value._js

    @grad.deleter
    def grad(self):
        self._js.grad = _bridge.jsnull

    @property
    def grad_fn(self):
        from .autograd.graph import node

        return node(self._js.gradFn)

    def retain_grad(self):
        call(self._js.retainGrad)

    def div(self, other, *, rounding_mode=None):
        if rounding_mode is None:
            return _Method(self, "div")(other)
        return _rounded_div(self, other, rounding_mode)

    def div_(self, other, *, rounding_mode=None):
        if rounding_mode is None:
            return _Method(self, "div_")(other)
        return self.copy_(_rounded_div(self, other, rounding_mode))

    divide = div
    divide_ = div_

    def round(self, *args, decimals=None):
        if decimals is None:
            return _Method(self, "round")(*args)
        if args:
            raise TypeError("round() received an invalid combination of arguments")
        return wrap(call(self._js.roundDecimals, int(decimals)))

    def round_(self, *args, decimals=None):
        if decimals is None:
            return _Method(self, "round_")(*args)
        from .autograd.grad_mode import no_grad

        with no_grad():
            rounded = self.round(decimals=decimals)
        return self.copy_(rounded)

    def type_as(self, other):
        return self.to(device=other.device, dtype=other.dtype)

    def logsumexp(self, *args, **kwargs):
        if not args and "dim" not in kwargs:
            raise TypeError(
                "logsumexp() received an invalid combination of arguments - got (), but expected one of:\n"
                " * (tuple of ints dim, bool keepdim)\n * (tuple of names dim, bool keepdim)\n"
            )
        return _Method(self, "logsumexp")(*args, **kwargs)

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        from . import _functions

        return _functions.isclose(self, other, rtol, atol, equal_nan)

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        from . import _functions

        return _functions.allclose(self, other, rtol, atol, equal_nan)

    def equal(self, other):
        from . import _functions

        return _functions.equal(self, other)

    def register_hook(self, hook):
        """hook(grad) runs when the gradient for this tensor is computed; it may return a new one."""
        from pyodide.ffi import create_proxy

        def js_hook(grad):
            result = hook(wrap(grad))
            if result is not None and not isinstance(result, Tensor):
                raise TypeError(f"hook should return None or a Tensor, not {type(result).__name__}")
            return None if result is None else result._js

        # A lasting proxy: the engine calls it during later backward passes, until remove().
        proxy = create_proxy(js_hook)
        try:
            handle = call(self._js.register_hook, proxy)
        except BaseException:
            proxy.destroy()
            raise
        return _RemovableHandle(handle, proxy)

    @property
    def data(self):
        return wrap(call(self._js.dataAlias))

    @property
    def _version(self):
        # The in-place write counter autograd checks; views share their base's, as in PyTorch.
        return self._js.version

    @data.setter
    def data(self, value):
        # PyTorch swaps the data under the same tensor (Module.to() relies on it): the engine
        # tensor keeps its identity and autograd state and takes value's storage and layout.
        if not isinstance(value, Tensor):
            raise TypeError(f"data must be a Tensor, not {type(value).__name__}")
        call(self._js.setData, value._js)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from .autograd import backward

        backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    # --- reading values -------------------------------------------------------------------
    def item(self):
        v = call(_host(self._js).item)
        return float(v) if self.dtype.is_floating_point else v

    def tolist(self):
        values = call(_host(self._js).tolist)
        if not isinstance(values, (int, float, builtins.bool)):
            values = values.to_py()
        if self.dtype.is_floating_point:
            return _floats(values)
        return values

    def __repr__(self, *, tensor_contents=None):
        if self._js.deviceType != "cpu":
            return _bridge.wait(self._js.reprAsync)
        return call(self._js.repr)

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __bool__(self):
        n = self.numel()
        if n == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if n > 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return builtins.bool(self.item())

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self.dtype.is_floating_point or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __len__(self):
        if self.dim() == 0:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __iter__(self):
        if self.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __contains__(self, element):
        if isinstance(element, (Tensor, int, float, builtins.bool)):
            return builtins.bool((self == element).any().item())
        raise RuntimeError(
            "Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
            f"{type(element)}."
        )

    __hash__ = object.__hash__

    # --- indexing -------------------------------------------------------------------------
    def __getitem__(self, index):
        from ._indexing import getitem

        return getitem(self, index)

    def __setitem__(self, index, value):
        from ._indexing import setitem

        setitem(self, index, value)

    # --- methods PyTorch names differently from a plain forward ---------------------------
    def max(self, dim=None, keepdim=False, **kwargs):
        return self._minmax("max", dim, keepdim, kwargs)

    def min(self, dim=None, keepdim=False, **kwargs):
        return self._minmax("min", dim, keepdim, kwargs)

    def _minmax(self, op, dim, keepdim, kwargs):
        from .return_types import _named_pair

        kw = numpy_aliases(kwargs)
        dim, keepdim = kw.pop("dim", dim), kw.pop("keepdim", keepdim)
        if kw:
            raise TypeError(f"{op}() got an unexpected keyword argument '{next(iter(kw))}'")

        if isinstance(dim, Tensor):
            return wrap(call(getattr(self._js, "maximum" if op == "max" else "minimum"), dim._js))
        if dim is None:
            return wrap(call(getattr(self._js, op)))
        r = call(getattr(self._js, op), dim, keepdim)
        return _named_pair(wrap(r.values), wrap(r.indices), op)

    def to(self, *args, **kwargs):
        from ._dtype import dtype as _dtype

        dtype = dev = None
        for a in list(args) + [kwargs.get("dtype"), kwargs.get("device")]:
            if a is None:
                continue
            if isinstance(a, Tensor):
                # to(other): other's dtype and device.
                dtype, dev = a.dtype._name, a._js.deviceType
            elif isinstance(a, _dtype):
                dtype = a._name
            elif isinstance(a, (str, int, _device)) and not isinstance(a, builtins.bool):
                dev = engine_type(_device("cuda", a) if isinstance(a, int) else a)
        copy = builtins.bool(kwargs.get("copy", False))
        js = self._js
        if dev is not None and dev != "cpu" and dev != js.deviceType and dtype is not None:
            # Onto a GPU, convert first: a float64 tensor asked for as float32 must never be
            # float64 on the device (WebGPU has none). Back to the CPU, move first (below).
            if dtype != js.dtype:
                js = call(js.to, dtype)
                copy = False
        if dev is not None and dev != js.deviceType:
            # A GPU -> CPU copy is a read: the engine only offers it as a promise.
            src = js
            js = _bridge.wait(lambda: src.toAsync("cpu")) if dev == "cpu" else call(js.to, dev)
            copy = False
        if dtype is not None and (dtype != js.dtype or copy):
            js = call(js.to, dtype, copy)
        elif copy:
            js = call(js.clone)
        return self if js is self._js else wrap(js)

    def cpu(self, memory_format=None):
        return self.to("cpu")

    def cuda(self, device=None, non_blocking=False, memory_format=None):
        return self.to("cuda" if device is None else device)

    def view(self, *shape):
        from ._dtype import dtype as _dtype

        if len(shape) == 1 and isinstance(shape[0], _dtype):
            raise NotImplementedError("view(dtype) is not supported yet")
        return wrap(call(self._js.view, *[to_engine(s) for s in shape]))

    def flip(self, *dims, **kwargs):
        if "dims" in kwargs:
            dims = (kwargs.pop("dims"),)
        return wrap(call(self._js.flip, *[to_engine(d) for d in dims]))

    def nonzero(self, *, as_tuple=False):
        if as_tuple:
            return tuple(wrap(call(engine.whereNonzero, self._js)))
        return wrap(call(self._js.nonzero))

    def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
        if dim is not None:
            raise NotImplementedError("unique(dim=...) is not supported yet")
        opts = _bridge.options(
            sorted=builtins.bool(sorted),
            returnInverse=builtins.bool(return_inverse),
            returnCounts=builtins.bool(return_counts),
        )
        r = wrap(call(self._js.unique, opts))
        return tuple(r) if isinstance(r, list) else r

    def softmax(self, dim, dtype=None):
        from .nn import functional as F

        return F.softmax(self, dim, dtype=dtype)

    def log_softmax(self, dim, dtype=None):
        from .nn import functional as F

        return F.log_softmax(self, dim, dtype=dtype)

    def numpy(self, *, force=False):
        from numpy import _from_tensor

        if self._js.deviceType != "cpu":
            raise TypeError(
                f"can't convert {self._js.device} device type tensor to numpy. "
                "Use Tensor.cpu() to copy the tensor to host memory first."
            )
        if self.requires_grad and not force:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
            )
        return _from_tensor(self.detach() if force else self)

    def __array__(self, dtype=None):
        return self.numpy()

    def __getattr__(self, name):
        # Only reached for names not defined above: forward to the engine method of that name.
        if name.startswith("_") or not engine.hasMethod(name):
            from ._missing import missing

            raise missing("torch.Tensor", name, f"'Tensor' object has no attribute '{name}'", self)
        return _Method(self, name)

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(SIGNATURES))


def _legacy_new(dtype, args, kwargs):
    """torch.Tensor(*sizes) / torch.Tensor(data) and the typed forms (torch.FloatTensor, ...)."""
    from ._functions import empty, tensor
    from ._size import Size

    device = kwargs.pop("device", None)
    if kwargs:
        raise TypeError(f"new() got an unexpected keyword argument '{next(iter(kwargs))}'")
    if len(args) == 1 and isinstance(args[0], Size):
        args = tuple(args[0])
    if all(isinstance(a, int) and not isinstance(a, builtins.bool) for a in args):
        return empty(*args, dtype=dtype, device=device) if args else empty(0, dtype=dtype, device=device)
    if len(args) == 1:
        data = args[0]
        if isinstance(data, Tensor):
            return data.to(dtype)
        return tensor(data, dtype=dtype, device=device)
    raise TypeError("new(): data must be a sequence (got " + ", ".join(type(a).__name__ for a in args) + ")")


class _LegacyTensorType(type):
    """torch.FloatTensor and kin: constructors, and isinstance checks on a CPU tensor's dtype."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj.dtype._name == cls._dtype_name and obj.device.type == "cpu"

    def __call__(cls, *args, **kwargs):
        from . import _dtype

        return _legacy_new(getattr(_dtype, cls._dtype_name), args, kwargs)


def _legacy_type(name, dtype_name):
    return _LegacyTensorType(name, (), {"_dtype_name": dtype_name, "__module__": "torch"})


def _rounded_div(a, b, mode):
    """div(a, b, rounding_mode=mode): "floor" is floor_divide; "trunc" rounds toward zero."""
    if mode == "floor":
        return a.floor_divide(b)
    if mode != "trunc":
        raise RuntimeError(
            f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{mode}'"
        )
    if not isinstance(b, Tensor):
        from ._functions import tensor

        b = tensor(b, device=a.device) if not isinstance(b, builtins.bool) else tensor(int(b))
    if a.dtype.is_floating_point or b.dtype.is_floating_point:
        return (a / b).trunc()
    # Integers: floor division, then one step toward zero where the signs differ and it was
    # inexact (a ZeroDivisionError comes from floor_divide, as PyTorch raises it).
    q = a.floor_divide(b)
    inexact = (q * b) != a
    return q + (inexact & ((a < 0) ^ (b < 0))).to(q.dtype)


class _RemovableHandle:
    """What register_hook returns: remove() unregisters the hook (once; later calls do nothing)."""

    def __init__(self, handle, proxy):
        self._handle = handle
        self._proxy = proxy

    def remove(self):
        if self._proxy is not None:
            self._handle.remove()
            self._proxy.destroy()
            self._proxy = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class _Method:
    """A bound engine method that takes PyTorch's keyword arguments."""

    __slots__ = ("_tensor", "_name")

    def __init__(self, tensor, name):
        self._tensor = tensor
        self._name = name

    def __call__(self, *args, **kwargs):
        name = self._name
        args = bind(name, args, kwargs)
        wrap_floats = name in SCALAR_OPERANDS
        js_args = [to_engine(a, wrap_floats) for a in args]
        fn = getattr(self._tensor._js, name)
        # In-place methods return the engine's `this`, which wrap() maps to the caller's wrapper.
        r = call(fn, *js_args)
        if name in ("sort", "topk", "kthvalue", "mode") or (name == "median" and args):
            from .return_types import _named_pair

            return _named_pair(wrap(r.values), wrap(r.indices), name)
        r = wrap(r)
        # A method returning several tensors (split, chunk, unbind) returns a tuple in PyTorch.
        return tuple(r) if isinstance(r, list) else r


def _floats(values):
    if isinstance(values, list):
        return [_floats(v) for v in values]
    return float(values)


def _binary(op):
    def method(self, other):
        o = _operand(other)
        if o is None:
            return NotImplemented
        return wrap(call(getattr(self._js, op), o))

    method.__name__ = f"__{op}__"
    return method


def _inplace(op):
    def method(self, other):
        o = _operand(other)
        if o is None:
            return NotImplemented
        call(getattr(self._js, op + "_"), o)
        return self

    return method


def _reflected(fn):
    def method(self, other):
        if _operand(other) is None:
            return NotImplemented
        return fn(self, other)

    return method


def _scalar_tensor(self, other):
    # `2 ** t` and friends: the scalar becomes a 0-dim tensor, which promotes like a scalar.
    from ._functions import tensor

    return tensor(other, device=self.device)


_OPERATORS = {
    "add": "add",
    "sub": "sub",
    "mul": "mul",
    "truediv": "div",
    "floordiv": "floor_divide",
    "mod": "remainder",
    "pow": "pow",
    "matmul": "matmul",
    "and": "bitwise_and",
    "or": "bitwise_or",
    "xor": "bitwise_xor",
}
for _py, _op in _OPERATORS.items():
    setattr(Tensor, f"__{_py}__", _binary(_op))
    if _op not in ("matmul",):
        setattr(Tensor, f"__i{_py}__", _inplace(_op))
for _py, _op in {"eq": "eq", "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge"}.items():
    setattr(Tensor, f"__{_py}__", _binary(_op))

Tensor.__radd__ = _binary("add")
Tensor.__rmul__ = _binary("mul")
Tensor.__rand__ = _binary("bitwise_and")
Tensor.__ror__ = _binary("bitwise_or")
Tensor.__rxor__ = _binary("bitwise_xor")
Tensor.__rsub__ = _reflected(lambda self, other: wrap(call(self._js.rsub, _bridge.scalar(other))))
# PyTorch computes other / self as self.reciprocal() * other (hence MulBackward0).
Tensor.__rtruediv__ = _reflected(lambda self, other: self.reciprocal() * other)
Tensor.__rdiv__ = Tensor.__rtruediv__
Tensor.__rpow__ = _reflected(lambda self, other: _scalar_tensor(self, other) ** self)
Tensor.__rfloordiv__ = _reflected(lambda self, other: _scalar_tensor(self, other) // self)
Tensor.__rmod__ = _reflected(lambda self, other: _scalar_tensor(self, other) % self)
Tensor.__rmatmul__ = _reflected(lambda self, other: _scalar_tensor(self, other) @ self)
Tensor.__neg__ = lambda self: wrap(call(self._js.neg))
Tensor.__pos__ = lambda self: self
Tensor.__abs__ = lambda self: wrap(call(self._js.abs))
def _invert(self):
    if self.dtype.is_floating_point:
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return wrap(call(self._js.bitwise_not))


Tensor.__invert__ = _invert
Tensor.__div__ = Tensor.__truediv__
