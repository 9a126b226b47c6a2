"""torch.linalg: the part of PyTorch 1.13's linear algebra module the engine has.

inv, inv_ex, det (LU-based, as LAPACK computes them), vector_norm, matrix_norm, norm and matmul;
the rest (solve, svd, eig, qr, cholesky, ...) is not implemented, so it is absent rather than
wrong. LinAlgError is PyTorch's torch._C._LinAlgError, a RuntimeError.
"""

from .. import _out
from .._bridge import call, to_engine, wrap
from .._tensor import Tensor


class LinAlgError(RuntimeError):
    """Raised for a singular matrix (PyTorch's torch.linalg.LinAlgError)."""


# PyTorch defines it in C++: tracebacks name it torch._C._LinAlgError.
LinAlgError.__module__ = "torch._C"
LinAlgError.__name__ = LinAlgError.__qualname__ = "_LinAlgError"


def _engine():
    import _torchlit as engine

    return engine.linalg


def _matrix(fn, A):
    if not isinstance(A, Tensor):
        raise TypeError(f"linalg_{fn}(): argument 'A' (position 1) must be Tensor, not {type(A).__name__}")
    return A._js


def _result(name, result, out, inputs):
    return result if out is None else _out.copy_into(name, result, out, inputs)


def inv(A, *, out=None):
    return _result("linalg_inv", wrap(call(_engine().inv, _matrix("inv", A))), out, (A,))


def inv_ex(A, *, check_errors=False, out=None):
    from ..return_types import linalg_inv_ex

    r = call(_engine().inv_ex, _matrix("inv_ex", A), bool(check_errors))
    return linalg_inv_ex(wrap(r.inverse), wrap(r.info))


def det(A, *, out=None):
    return _result("linalg_det", wrap(call(_engine().det, _matrix("det", A))), out, (A,))


def cross(input, other, *, dim=-1, out=None):
    return _result("linalg_cross", wrap(call(_engine().cross, input._js, other._js, int(dim))), out, (input, other))


def _dim(dim):
    if dim is None:
        return None
    return to_engine(list(dim) if isinstance(dim, (tuple, list)) else [int(dim)])


def _ord(ord):
    if ord is None or isinstance(ord, str):
        return ord
    return float(ord)


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    if isinstance(ord, str):
        raise TypeError(f"linalg_vector_norm(): argument 'ord' must be Number, not {type(ord).__name__}")
    opts = _out_opts(dtype)
    r = wrap(call(_engine().vector_norm, _matrix("vector_norm", x), _ord(ord), _dim(dim), bool(keepdim), opts))
    return _result("linalg_vector_norm", r, out, (x,))


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    opts = _out_opts(dtype)
    r = wrap(call(_engine().matrix_norm, _matrix("matrix_norm", A), _ord(ord), _dim(dim), bool(keepdim), opts))
    return _result("linalg_matrix_norm", r, out, (A,))


def norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None):
    opts = _out_opts(dtype)
    r = wrap(call(_engine().norm, _matrix("norm", A), _ord(ord), _dim(dim), bool(keepdim), opts))
    return _result("linalg_norm", r, out, (A,))


def _out_opts(dtype):
    from .._bridge import options

    return options(dtype=dtype)


def matmul(input, other, *, out=None):
    from .. import _functions

    return _functions.matmul(input, other, out=out)

# A name PyTorch has here and Torchlit does not yet: a clear NotInTorchlitError (torch/_missing.py).
from .._missing import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
del _module_getattr
