"""A NumPy subset for Torchlit's interop lesson, backed by the engine's tensors.

Real NumPy cannot ship in an offline browser course, so `import numpy as np` gets this: an
ndarray wraps a torch.Tensor, so `tensor.numpy()` and `torch.from_numpy(a)` share memory both
ways. It covers creation (array, asarray, zeros, ones, full, arange, linspace, eye), dtypes,
arithmetic and in-place ops with NumPy's promotion, indexing, a few reductions and NumPy 1.24's
printing. Anything else raises NotImplementedError naming what is missing.
"""

import builtins

import torch

from ._format import array_str

__version__ = "1.24.2-torchlit-subset"


class dtype:
    __slots__ = ("name", "_torch", "kind")

    def __init__(self, name, torch_dtype, kind):
        self.name = name
        self._torch = torch_dtype
        self.kind = kind

    @property
    def itemsize(self):
        return self._torch.itemsize

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        other = _dtype_of(other, strict=False)
        return other is not None and other.name == self.name

    def __hash__(self):
        return hash(self.name)

    def __call__(self, value):
        return float(value) if self.kind == "f" else builtins.bool(value) if self.kind == "b" else int(value)


float32 = dtype("float32", torch.float32, "f")
float64 = dtype("float64", torch.float64, "f")
int64 = dtype("int64", torch.int64, "i")
int32 = dtype("int32", torch.int32, "i")
bool_ = dtype("bool", torch.bool, "b")
single, double, float_, int_ = float32, float64, float64, int64
_BY_NAME = {d.name: d for d in (float32, float64, int64, int32, bool_)}
_FROM_TORCH = {d._torch: d for d in _BY_NAME.values()}
newaxis = None
pi = 3.141592653589793
e = 2.718281828459045
inf = float("inf")
nan = float("nan")


def _dtype_of(d, strict=True):
    if d is None or isinstance(d, dtype):
        return d
    if d is builtins.float:
        return float64
    if d is builtins.int:
        return int64
    if d is builtins.bool:
        return bool_
    if isinstance(d, str) and d in _BY_NAME:
        return _BY_NAME[d]
    if isinstance(d, torch.dtype):
        return _FROM_TORCH.get(d)
    if strict:
        raise NotImplementedError(f"numpy dtype {d!r} is not part of Torchlit's NumPy subset")
    return None


def _missing(name):
    raise NotImplementedError(
        f"numpy.{name} is not part of Torchlit's NumPy subset (real NumPy cannot run offline in "
        "the browser); use the torch equivalent"
    )


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    _missing(name)


_RANK = {"b": 0, "i": 1, "f": 2}


def _result_dtype(a, b):
    """NumPy 1.24's promotion: value-based for Python scalars, int with float gives float64."""
    if isinstance(b, ndarray):
        da, db = a.dtype, b.dtype
        if da.kind == db.kind:
            return da if da.itemsize >= db.itemsize else db
        if da.kind == "b":
            return db
        if db.kind == "b":
            return da
        hi = da if da.kind == "f" else db
        lo = db if hi is da else da
        return hi if hi.itemsize > lo.itemsize or (hi is float32 and lo.itemsize < 4) else float64
    kind = "b" if isinstance(b, builtins.bool) else "i" if isinstance(b, int) else "f"
    if _RANK[kind] <= _RANK[a.dtype.kind]:
        return a.dtype
    return int64 if kind == "i" else float64


def _operand(x):
    if isinstance(x, ndarray):
        return x
    if isinstance(x, (builtins.bool, int, float)):
        return x
    if isinstance(x, (list, tuple)):
        return array(x)
    return None


class ndarray:
    __slots__ = ("_tensor", "__weakref__")

    def __init__(self, *args, **kwargs):
        _missing("ndarray() construction (use np.array or np.zeros)")

    @classmethod
    def _wrap(cls, t):
        a = object.__new__(cls)
        a._tensor = t
        return a

    # --- metadata ------------------------------------------------------------------------
    @property
    def shape(self):
        return tuple(self._tensor.shape)

    @property
    def dtype(self):
        return _FROM_TORCH[self._tensor.dtype]

    @property
    def ndim(self):
        return self._tensor.dim()

    @property
    def size(self):
        return self._tensor.numel()

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.itemsize

    @property
    def strides(self):
        return tuple(s * self.itemsize for s in self._tensor.stride())

    @property
    def T(self):
        return self.transpose()

    def __len__(self):
        if self.ndim == 0:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(len(self)))

    # --- conversion ----------------------------------------------------------------------
    def tolist(self):
        return self._tensor.tolist()

    def item(self, *args):
        if args:
            return self[args if len(args) > 1 else args[0]]
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._tensor.item()

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __bool__(self):
        if self.size != 1:
            raise ValueError(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
            )
        return builtins.bool(self.item())

    def __index__(self):
        if self.dtype.kind == "f" or self.size != 1:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self.item())

    def astype(self, dt, copy=True):
        dt = _dtype_of(dt)
        if dt == self.dtype and not copy:
            return self
        return ndarray._wrap(self._tensor.to(dt._torch).clone() if dt == self.dtype else self._tensor.to(dt._torch))

    def copy(self):
        return ndarray._wrap(self._tensor.clone())

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        return ndarray._wrap(self._tensor.reshape(*shape))

    def flatten(self):
        return ndarray._wrap(self._tensor.flatten().clone())

    def ravel(self):
        return ndarray._wrap(self._tensor.reshape(-1))

    def transpose(self, *axes):
        if not axes:
            axes = tuple(range(self.ndim))[::-1]
        elif len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        return ndarray._wrap(self._tensor.permute(*axes))

    def fill(self, value):
        self._tensor.fill_(value)

    # --- reductions (NumPy's result dtypes) ------------------------------------------------
    def _reduce(self, op, axis, out_dtype):
        t = self._tensor if out_dtype is None else self._tensor.to(out_dtype._torch)
        r = getattr(t, op)() if axis is None else getattr(t, op)(axis)
        if isinstance(r, tuple):
            r = r[0]
        return _scalar_or_array(r)

    def sum(self, axis=None):
        return self._reduce("sum", axis, int64 if self.dtype.kind in "bi" else None)

    def mean(self, axis=None):
        return self._reduce("mean", axis, float64 if self.dtype.kind in "bi" else None)

    def max(self, axis=None):
        return self._reduce("amax" if axis is not None else "max", axis, None)

    def min(self, axis=None):
        return self._reduce("amin" if axis is not None else "min", axis, None)

    def argmax(self, axis=None):
        return self._reduce("argmax", axis, None)

    def argmin(self, axis=None):
        return self._reduce("argmin", axis, None)

    def std(self, axis=None):
        t = self._tensor.to(torch.float64) if self.dtype.kind in "bi" else self._tensor
        return _scalar_or_array(t.std(axis, unbiased=False) if axis is not None else t.std(unbiased=False))

    def all(self, axis=None):
        return self._reduce("all", axis, None)

    def any(self, axis=None):
        return self._reduce("any", axis, None)

    # --- indexing ------------------------------------------------------------------------
    def __getitem__(self, index):
        return _scalar_or_array(self._tensor[_index(index)], view_scalar=False)

    def __setitem__(self, index, value):
        if isinstance(value, ndarray):
            value = value._tensor
        elif isinstance(value, (list, tuple)):
            value = array(value)._tensor
        self._tensor[_index(index)] = value

    # --- printing ------------------------------------------------------------------------
    def _text(self, sep, indent):
        kind = {"b": "bool", "i": "int", "f": "float"}[self.dtype.kind]
        return array_str(self.tolist(), self.ndim, kind, self.dtype is float32, sep, indent)

    def __str__(self):
        return self._text(" ", "")

    def __repr__(self):
        if self.size == 0:
            shape = f", shape={self.shape}" if self.ndim > 1 else ""
            return f"array([]{shape}, dtype={self.dtype.name})"
        body = f"array({self._text(', ', ' ' * 6)}"
        if self.dtype.name not in ("float64", "int64", "bool"):
            body += f", dtype={self.dtype.name}"
        return body + ")"

    def __array__(self):
        return self

    __hash__ = None


def _index(index):
    if isinstance(index, ndarray):
        return index._tensor
    if isinstance(index, tuple):
        return tuple(i._tensor if isinstance(i, ndarray) else i for i in index)
    return index


def _scalar_or_array(t, view_scalar=False):
    if t.dim() == 0:
        return t.item()
    return ndarray._wrap(t)


def _binary(op, reflected=False, divide=False, compare=False):
    def method(self, other):
        o = _operand(other)
        if o is None:
            return NotImplemented
        res = _result_dtype(self, o)
        if divide and res.kind in "bi":
            res = float64
        a = self._tensor.to(res._torch)
        b = o._tensor.to(res._torch) if isinstance(o, ndarray) else o
        if isinstance(b, (int, float)) and not isinstance(b, builtins.bool):
            b = torch.tensor(b, dtype=res._torch, device="cpu")
        x, y = (b, a) if reflected else (a, b)
        if not isinstance(x, torch.Tensor):
            x = torch.tensor(x, dtype=res._torch, device="cpu")
        r = getattr(x, op)(y)
        if not compare and r.dtype != res._torch:
            r = r.to(res._torch)
        return ndarray._wrap(r)

    return method


def _inplace(op):
    def method(self, other):
        o = _operand(other)
        if o is None:
            return NotImplemented
        res = _result_dtype(self, o)
        if op == "div_" and res.kind in "bi" or _RANK[res.kind] > _RANK[self.dtype.kind]:
            raise TypeError(
                f"Cannot cast ufunc '{op.rstrip('_')}' output from dtype('{res.name}') to "
                f"dtype('{self.dtype.name}') with casting rule 'same_kind'"
            )
        b = o._tensor if isinstance(o, ndarray) else o
        getattr(self._tensor, op)(b)
        return self

    return method


for _py, _op in {"add": "add", "sub": "sub", "mul": "mul", "pow": "pow", "mod": "remainder",
                 "floordiv": "floor_divide", "matmul": "matmul"}.items():  # fmt: skip
    setattr(ndarray, f"__{_py}__", _binary(_op))
    setattr(ndarray, f"__r{_py}__", _binary(_op, reflected=True))
    if _py != "matmul":
        setattr(ndarray, f"__i{_py}__", _inplace(_op + "_"))
ndarray.__truediv__ = _binary("div", divide=True)
ndarray.__rtruediv__ = _binary("div", reflected=True, divide=True)
ndarray.__itruediv__ = _inplace("div_")
for _py in ("eq", "ne", "lt", "le", "gt", "ge"):
    setattr(ndarray, f"__{_py}__", _binary(_py, compare=True))
ndarray.__neg__ = lambda self: ndarray._wrap(-self._tensor)
ndarray.__pos__ = lambda self: self.copy()
ndarray.__abs__ = lambda self: ndarray._wrap(self._tensor.abs())
ndarray.__module__ = "numpy"


def _from_tensor(t):
    """The ndarray sharing t's storage (what Tensor.numpy() returns)."""
    return ndarray._wrap(t)


# --- creation ---------------------------------------------------------------------------
def _infer(data):
    flat = []

    def walk(x):
        if isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        else:
            flat.append(x)

    walk(data)
    if any(isinstance(v, float) for v in flat):
        return float64
    if flat and all(isinstance(v, builtins.bool) for v in flat):
        return bool_
    return int64 if flat else float64


def _plain(data):
    if isinstance(data, ndarray):
        return data.tolist()
    if isinstance(data, (list, tuple)):
        return [_plain(x) for x in data]
    return data


def array(object, dtype=None, copy=True):
    dt = _dtype_of(dtype)
    if isinstance(object, ndarray):
        t = object._tensor if dt is None else object._tensor.to(dt._torch)
        return ndarray._wrap(t.clone() if copy or t is object._tensor else t)
    if isinstance(object, torch.Tensor):
        t = object.detach()
        t = t.to(dt._torch) if dt is not None else t
        return ndarray._wrap(t.clone())
    data = _plain(object)
    if dt is None:
        dt = _infer(data)
    return ndarray._wrap(torch.tensor(data, dtype=dt._torch, device="cpu"))


def asarray(a, dtype=None):
    if isinstance(a, ndarray) and (dtype is None or _dtype_of(dtype) == a.dtype):
        return a
    if isinstance(a, torch.Tensor) and dtype is None:
        return a.numpy()
    return array(a, dtype=dtype)


def _shape(shape):
    return tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)


def zeros(shape, dtype=float64):
    return ndarray._wrap(torch.zeros(_shape(shape), dtype=_dtype_of(dtype)._torch, device="cpu"))


def ones(shape, dtype=float64):
    return ndarray._wrap(torch.ones(_shape(shape), dtype=_dtype_of(dtype)._torch, device="cpu"))


def empty(shape, dtype=float64):
    return zeros(shape, dtype)


def full(shape, fill_value, dtype=None):
    dt = _dtype_of(dtype) or (float64 if isinstance(fill_value, float) else int64)
    return ndarray._wrap(torch.full(_shape(shape), fill_value, dtype=dt._torch, device="cpu"))


def zeros_like(a, dtype=None):
    return zeros(a.shape, dtype or a.dtype)


def ones_like(a, dtype=None):
    return ones(a.shape, dtype or a.dtype)


def arange(start, stop=None, step=1, dtype=None):
    if stop is None:
        start, stop = 0, start
    dt = _dtype_of(dtype) or (float64 if any(isinstance(v, float) for v in (start, stop, step)) else int64)
    return ndarray._wrap(torch.arange(start, stop, step, dtype=torch.float64, device="cpu").to(dt._torch))


def linspace(start, stop, num=50, dtype=None):
    dt = _dtype_of(dtype) or float64
    return ndarray._wrap(torch.linspace(start, stop, num, dtype=torch.float64, device="cpu").to(dt._torch))


def eye(N, M=None, dtype=float64):
    return ndarray._wrap(torch.eye(N, M, dtype=_dtype_of(dtype)._torch, device="cpu"))


# --- functions over arrays --------------------------------------------------------------
def shares_memory(a, b):
    return a._tensor.data_ptr() == b._tensor.data_ptr()


may_share_memory = shares_memory


def dot(a, b):
    return asarray(a) @ asarray(b)


matmul = dot


def sum(a, axis=None):
    return asarray(a).sum(axis)


def mean(a, axis=None):
    return asarray(a).mean(axis)


def reshape(a, shape):
    return asarray(a).reshape(shape)


def transpose(a, axes=None):
    return asarray(a).transpose(*(axes or ()))


def _into(out, result, name):
    """Writes a ufunc result into `out` in place (NumPy's out=), keeping shared memory intact."""
    if not isinstance(out, ndarray):
        raise TypeError("return arrays must be of ArrayType")
    r = asarray(result)
    if _RANK[r.dtype.kind] > _RANK[out.dtype.kind]:
        raise TypeError(
            f"Cannot cast ufunc '{name}' output from dtype('{r.dtype.name}') to "
            f"dtype('{out.dtype.name}') with casting rule 'same_kind'"
        )
    out._tensor.copy_(r._tensor.to(out._tensor.dtype))
    return out


def _unary(name, op):
    def fn(x, out=None):
        a = asarray(x)
        t = a._tensor.to(torch.float64) if a.dtype.kind in "bi" else a._tensor
        r = getattr(t, op)()
        return _into(out, ndarray._wrap(r), name) if out is not None else _scalar_or_array(r)

    fn.__name__ = name
    return fn


def _ufunc2(name, dunder):
    """A two-operand ufunc (np.add, ...) with NumPy's promotion and an optional out=."""

    def fn(x1, x2, out=None):
        a = asarray(x1)
        r = getattr(a, dunder)(x2)
        if r is NotImplemented:
            raise TypeError(f"ufunc '{name}' did not contain a loop with signature matching types")
        if out is not None:
            return _into(out, r, name)
        return r

    fn.__name__ = name
    return fn


add = _ufunc2("add", "__add__")
subtract = _ufunc2("subtract", "__sub__")
multiply = _ufunc2("multiply", "__mul__")
divide = _ufunc2("divide", "__truediv__")
true_divide = divide
power = _ufunc2("power", "__pow__")


exp = _unary("exp", "exp")
log = _unary("log", "log")
sqrt = _unary("sqrt", "sqrt")
sin = _unary("sin", "sin")
cos = _unary("cos", "cos")
tanh = _unary("tanh", "tanh")


def abs(x):
    return builtins.abs(asarray(x))


def allclose(a, b, rtol=1e-05, atol=1e-08):
    ta, tb = asarray(a)._tensor.to(torch.float64), asarray(b)._tensor.to(torch.float64)
    return builtins.bool(((ta - tb).abs() <= atol + rtol * tb.abs()).all())


def array_equal(a, b):
    a, b = asarray(a), asarray(b)
    return a.shape == b.shape and builtins.bool((a == b).all())


class _Random:
    """numpy.random draws from NumPy's own generator, which the subset does not reproduce."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _missing(f"random.{name}")


random = _Random()
