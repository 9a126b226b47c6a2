"""nn.Sequential and nn.ModuleList: modules held in order, indexable and iterable."""

import operator
from collections import OrderedDict
from itertools import islice

from .module import Module


class _ModuleSequence(Module):
    """What Sequential and ModuleList share: length, iteration in order, append."""

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self


class Sequential(_ModuleSequence):
    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def _item_at(self, idx):
        size = len(self)
        idx = operator.index(idx)
        if not -size <= idx < size:
            raise IndexError(f"index {idx} is out of range")
        idx %= size
        return next(islice(iter(self._modules.values()), idx, None))

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return type(self)(OrderedDict(list(self._modules.items())[idx]))
        return self._item_at(idx)

    def __setitem__(self, idx, module):
        key = list(self._modules.keys())[operator.index(idx)]
        setattr(self, key, module)

    def __delitem__(self, idx):
        keys = list(self._modules.keys())
        for key in keys[idx] if isinstance(idx, slice) else [keys[operator.index(idx)]]:
            del self._modules[key]


    def forward(self, input):
        for module in self:
            input = module(input)
        return input


class ModuleList(_ModuleSequence):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return type(self)(list(self._modules.values())[idx])
        idx = operator.index(idx)
        if not -len(self) <= idx < len(self):
            raise IndexError(f"index {idx} is out of range")
        return self._modules[str(idx % len(self))]

    def __setitem__(self, idx, module):
        self.add_module(str(operator.index(idx) % len(self)), module)


    def extend(self, modules):
        for m in modules:
            self.append(m)
        return self
