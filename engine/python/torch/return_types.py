"""torch.return_types: the (values, indices) pairs that max/min along a dim return."""


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


def _named_pair(values, indices, op="max"):
    return (min if op == "min" else max)(values, indices)
