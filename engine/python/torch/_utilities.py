"""torch.* helpers about dtypes, shapes and printing: result_type, promote_types, can_cast,
broadcast_shapes, broadcast_tensors and set_printoptions. The rules live in the engine
(type promotion, broadcasting, print options); this module checks arguments as PyTorch 1.13
does and words its errors the same way.
"""

import builtins

import _torchlit as engine

from ._bridge import call, options, scalar, to_js, wrap
from ._dtype import dtype as _dtype
from ._dtype import from_name
from ._size import Size
from ._tensor import Tensor

_NUMBER = (builtins.bool, int, float)
_RESULT_TYPE_SIGNATURES = [
    (("Tensor", "tensor"), ("Tensor", "other")),
    (("Number", "scalar"), ("Tensor", "tensor")),
    (("Tensor", "tensor"), ("Number", "other")),
    (("Number", "scalar1"), ("Number", "scalar2")),
]


def _matches(kind, value):
    return isinstance(value, Tensor) if kind == "Tensor" else isinstance(value, _NUMBER)


def _type_text(value):
    return "Tensor" if isinstance(value, Tensor) else type(value).__name__


def _invalid_combination(name, args, signatures):
    got = ", ".join(_type_text(a) for a in args)
    lines = [f"{name}() received an invalid combination of arguments - got ({got}), but expected one of:"]
    for sig in signatures:
        lines.append(" * (" + ", ".join(f"{kind} {param}" for kind, param in sig) + ")")
        if len(sig) == len(args):
            marked = [
                _type_text(a) if _matches(kind, a) else f"!{_type_text(a)}!"
                for (kind, _), a in zip(sig, args)
            ]
            lines.append(
                "      didn't match because some of the arguments have invalid types: ("
                + ", ".join(marked)
                + ")"
            )
    return TypeError("\n".join(lines) + "\n")


def _operand(value):
    if isinstance(value, Tensor):
        return options(kind="tensor", dtype=value.dtype, ndim=value.dim())
    return options(kind="scalar", value=scalar(value))


def result_type(*args, **kwargs):
    """The dtype an op on these two operands (tensors or Python numbers) computes in."""
    for key in ("tensor", "other", "scalar", "scalar1", "scalar2"):
        if key in kwargs:
            args = (*args, kwargs.pop(key))
    if kwargs or len(args) != 2 or not builtins.any(
        builtins.all(_matches(kind, a) for (kind, _), a in zip(sig, args))
        for sig in _RESULT_TYPE_SIGNATURES
    ):
        raise _invalid_combination("result_type", args, _RESULT_TYPE_SIGNATURES)
    operands = to_js([_operand(a) for a in args], create_pyproxies=False)
    return from_name(call(engine.resultType, operands))


def _dtype_args(name, args, kwargs, params):
    if kwargs.keys() <= set(params):
        # Keywords fill their own slots; any other keyword leaves them all unfilled (as 1.13).
        args = (*args, *(kwargs[p] for p in params[len(args):] if p in kwargs))
    if len(args) < len(params):
        missing = params[len(args):]
        raise TypeError(
            f"{name}() missing {len(missing)} required positional argument"
            f"{'s' if name == 'promote_types' else ''}: "
            + ", ".join(f'"{p}"' for p in missing)
        )
    if len(args) > len(params):
        raise TypeError(f"{name}() takes {len(params)} positional arguments but {len(args)} were given")
    for i, (a, p) in enumerate(zip(args, params), start=1):
        if not isinstance(a, _dtype):
            raise TypeError(
                f"{name}(): argument '{p}' (position {i}) must be torch.dtype, not {type(a).__name__}"
            )
    return args


def promote_types(*args, **kwargs):
    """The smallest dtype both type1 and type2 convert to without losing kind or range."""
    a, b = _dtype_args("promote_types", args, kwargs, ("type1", "type2"))
    return from_name(call(engine.promoteTypes, a._name, b._name))


def can_cast(*args, **kwargs):
    """Whether a value of dtype `from` may be cast to `to` by an in-place op or out= (kind order
    bool < integer < floating)."""
    a, b = _dtype_args("can_cast", args, kwargs, ("from", "to"))
    return builtins.bool(call(engine.canCast, a._name, b._name))


def broadcast_shapes(*shapes):
    """The shape tensors of these shapes broadcast to (an int stands for a 1-d shape).

    Written in Python as PyTorch 1.13 writes it (the engine's broadcast_shapes is the same rule
    for TypeScript), so odd inputs fail as there: a float size reaches torch.Size() and is
    refused there, a non-shape argument raises a RuntimeError with two arguments.
    """
    width = builtins.max([0, *(1 if isinstance(s, int) else len(s) for s in shapes
                               if isinstance(s, (int, tuple, list)))])  # fmt: skip
    result = [1] * width
    for shape in shapes:
        if isinstance(shape, int):
            shape = (shape,)
        if not isinstance(shape, (tuple, list)):
            raise RuntimeError(
                "Input shapes should be of type ints, a tuple of ints, or a list of ints, got ", shape
            )
        for i in range(-1, -1 - len(shape), -1):
            if shape[i] < 0:
                raise RuntimeError(
                    f"Trying to create tensor with negative dimension ({shape[i]}): ({shape[i]})"
                )
            if shape[i] == 1 or shape[i] == result[i]:
                continue
            if result[i] != 1:
                raise RuntimeError("Shape mismatch: objects cannot be broadcast to a single shape")
            result[i] = shape[i]
    for i, size in enumerate(result):
        if not isinstance(size, int):
            raise TypeError(f"torch.Size() takes an iterable of 'int' (item {i} is '{type(size).__name__}')")
    return Size(result)


def broadcast_tensors(*tensors):
    """Each tensor expanded to the common broadcast shape (views sharing storage), as a tuple."""
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}")
    return tuple(wrap(call(engine.broadcast_tensors, *[t._js for t in tensors])))


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None,
                     sci_mode=None):  # fmt: skip
    """Options for printing tensors, kept for the rest of the program (as PyTorch's PRINT_OPTS):
    a profile ('default', 'short', 'full') first, then the given options; sci_mode is set by
    every call (None lets the printer choose)."""
    opts = options(
        precision=precision,
        threshold=threshold,
        edgeitems=edgeitems,
        linewidth=linewidth,
        profile=profile,
        sciMode=sci_mode,
    )
    call(engine.setPrintoptions, opts)
