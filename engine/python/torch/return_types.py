"""torch.return_types: the named tuples ops return: (values, indices) of max/min along a dim, sort,
topk, kthvalue, median and mode; (inverse, info) of torch.linalg.inv_ex."""


class _Pair(tuple):
    _op = "max"

    def __new__(cls, values, indices):
        return super().__new__(cls, (values, indices))

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        return f"torch.return_types.{self._op}(\nvalues={self[0]!r},\nindices={self[1]!r})"


class max(_Pair):
    _op = "max"


class min(_Pair):
    _op = "min"


class sort(_Pair):
    _op = "sort"


class topk(_Pair):
    _op = "topk"


class kthvalue(_Pair):
    _op = "kthvalue"


class median(_Pair):
    _op = "median"


class mode(_Pair):
    _op = "mode"


_BY_OP = {"max": max, "min": min, "sort": sort, "topk": topk, "kthvalue": kthvalue, "median": median, "mode": mode}


def _named_pair(values, indices, op="max"):
    return _BY_OP[op](values, indices)


class linalg_inv_ex(tuple):
    """torch.linalg.inv_ex's (inverse, info)."""

    def __new__(cls, inverse, info):
        return super().__new__(cls, (inverse, info))

    @property
    def inverse(self):
        return self[0]

    @property
    def info(self):
        return self[1]

    def __repr__(self):
        return f"torch.return_types.linalg_inv_ex(\ninverse={self[0]!r},\ninfo={self[1]!r})"
