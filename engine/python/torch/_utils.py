"""The rebuild functions a torch.save file names, under the names PyTorch gives them.

A pickle refers to functions by module and name, so files from PyTorch and from Torchlit both
say `torch._utils._rebuild_tensor_v2` for a tensor and `torch._utils._rebuild_parameter` for a
Parameter; these are what torch.load (torch/serialization.py) calls for them.
"""


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, metadata=None):
    """A view of `storage` (a flat tensor) with PyTorch's geometry, as a leaf."""
    from .autograd.grad_mode import no_grad

    with no_grad():
        t = storage.as_strided(tuple(size), tuple(stride), storage_offset).detach()
    if requires_grad:
        t.requires_grad_(True)
    return t


def _rebuild_parameter(data, requires_grad, backward_hooks):
    from .nn.parameter import Parameter

    return Parameter(data, requires_grad)
