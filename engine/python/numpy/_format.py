"""NumPy 1.24's array printing (array2string defaults: precision 8, maxprec, no suppress) for
the subset's dtypes. Line wrapping at 75 columns and `...` summarization are not reproduced.
"""

import math
import struct


def _shortest(x, is32):
    """The shortest decimal (repr) that round-trips x in its own precision."""
    if not is32:
        return repr(x)
    for p in range(1, 10):
        s = f"{x:.{p - 1}e}"
        if struct.unpack("f", struct.pack("f", float(s)))[0] == x:
            return repr(float(s))
    return repr(x)


def _positional(x, is32):
    s = _shortest(x, is32)
    if "e" in s or "E" in s:
        s = f"{x:.8f}" if abs(x) < 1 else f"{x:f}"
    int_part, _, frac = s.partition(".")
    if len(frac) > 8:
        int_part, _, frac = f"{x:.8f}".partition(".")
    frac = frac.rstrip("0")
    return int_part, frac


def _scientific(x, is32):
    s = _shortest(x, is32)
    mant, exp = f"{float(s):e}".split("e")
    digits = s.replace("-", "").replace(".", "").lstrip("0").rstrip("0") if x != 0 else "0"
    if "e" in s:
        digits = s.split("e")[0].replace("-", "").replace(".", "").lstrip("0").rstrip("0") or "0"
    prec = max(len(digits) - 1, 0)
    if prec > 8:
        prec = 8
    m, e = f"{x:.{prec}e}".split("e")
    int_part, _, frac = m.partition(".")
    return int_part, frac.rstrip("0"), int(e)


def _float_formatter(values, is32):
    finite = [v for v in values if math.isfinite(v)]
    abs_nonzero = [abs(v) for v in finite if v != 0]
    exp_mode = False
    if abs_nonzero:
        mx, mn = max(abs_nonzero), min(abs_nonzero)
        exp_mode = mx >= 1e8 or mn < 1e-4 or mx / mn > 1e3
    if exp_mode:
        parts = [_scientific(v, is32) for v in finite]
        prec = max(len(p[1]) for p in parts)
        exp_size = max(max(len(str(abs(p[2]))) for p in parts), 2)
        pad_left = max(len(p[0]) for p in parts)

        def fmt(v):
            if not math.isfinite(v):
                return _nonfinite(v).rjust(pad_left + prec + exp_size + 3)
            m, e = f"{v:.{prec}e}".split("e")
            e = int(e)
            ip, _, fp = m.partition(".")
            sign = "-" if e < 0 else "+"
            return f"{ip.rjust(pad_left)}.{fp}e{sign}{str(abs(e)).zfill(exp_size)}"

        return fmt
    parts = [_positional(v, is32) for v in finite] or [("", "")]
    pad_left = max(len(p[0]) for p in parts)
    pad_right = max(len(p[1]) for p in parts)
    if any(not math.isfinite(v) for v in values):
        pad_left = max(pad_left, max(len(_nonfinite(v)) for v in values if not math.isfinite(v)) - pad_right - 1)

    def fmt(v):
        if not math.isfinite(v):
            return _nonfinite(v).rjust(pad_left + pad_right + 1)
        ip, fp = _positional(v, is32)
        return ip.rjust(pad_left) + "." + fp.ljust(pad_right)

    return fmt


def _nonfinite(v):
    if math.isnan(v):
        return "nan"
    return "inf" if v > 0 else "-inf"


def _formatter(flat, kind, is32):
    if kind == "bool":
        return lambda v: " True" if v else "False"
    if kind == "int":
        width = max((len(str(v)) for v in flat), default=0)
        return lambda v: str(v).rjust(width)
    return _float_formatter(flat, is32)


def _flatten(values):
    if isinstance(values, list):
        return [x for v in values for x in _flatten(v)]
    return [values]


def _block(values, fmt, sep, indent, depth, ndim):
    if depth == ndim:
        return fmt(values)
    if not values:
        return "[]"
    inner_indent = indent + " "
    items = [_block(v, fmt, sep, inner_indent, depth + 1, ndim) for v in values]
    if depth == ndim - 1:
        return "[" + sep.join(items) + "]"
    line_sep = sep.rstrip() + "\n" * (ndim - depth - 1) + inner_indent
    return "[" + line_sep.join(items) + "]"


def array_str(values, ndim, kind, is32, sep, indent):
    fmt = _formatter(_flatten(values), kind, is32)
    if ndim == 0:
        return fmt(values)
    return _block(values, fmt, sep, indent, 0, ndim)
