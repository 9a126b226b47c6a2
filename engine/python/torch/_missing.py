"""Names PyTorch has that Torchlit's engine does not have yet.

A reader who pastes code from a tutorial should learn that `torch.median` is missing from
Torchlit, not be told it does not exist. The module `__getattr__`s of torch, torch.nn,
torch.nn.functional, torch.nn.init, torch.optim, torch.utils.data, torch.linalg, torch.autograd
and torch.distributions, and Tensor's, raise NotInTorchlitError for a name PyTorch 1.13 has there
(_pytorch_names.py, written from PyTorch by engine/fixtures/gen_pytorch_names.py and loaded only
on a miss) and Python's own AttributeError otherwise. NotInTorchlitError is an AttributeError,
so hasattr() and getattr(obj, name, default) keep working.
"""


class NotInTorchlitError(AttributeError):
    """A PyTorch name that Torchlit's engine does not implement yet."""

    # Python fills in the missing name on a failed attribute lookup and its traceback then adds
    # "Did you mean: 'mean'?" for torch.median: the name exists, there is nothing to correct.
    @property
    def name(self):
        return None

    @name.setter
    def name(self, value):
        pass


NotInTorchlitError.__module__ = "torch"


def missing(scope, name, plain, obj=None):
    """The error for `scope.name`: NotInTorchlitError where PyTorch has the name, else the plain
    AttributeError with PyTorch's text (name and obj kept, for Python's "Did you mean")."""
    if not name.startswith("_"):
        from ._pytorch_names import NAMES

        if name in NAMES.get(scope, ()):
            return NotInTorchlitError(
                f"{scope}.{name} is part of PyTorch, but Torchlit's engine does not have it yet"
            )
    return AttributeError(plain, name=name, obj=obj)


def module_getattr(module_name):
    """A module `__getattr__` (PEP 562) for the module `module_name`."""
    import sys

    def __getattr__(name):
        module = sys.modules.get(module_name)
        raise missing(module_name, name, f"module '{module_name}' has no attribute '{name}'", module)

    return __getattr__
