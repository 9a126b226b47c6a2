"""torch.nn.utils: gradient clipping (clip_grad_norm_, clip_grad_value_), as PyTorch 1.13 does it.

The total norm is the norm of the per-parameter norms, computed on the gradients' device; the
gradients are scaled in place by max_norm / (total + 1e-6), clamped at 1, so they only shrink.
"""

import math

from ... import _functions as torch
from ..._tensor import Tensor


def _grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p.grad for p in parameters if p.grad is not None]


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    grads = _grads(parameters)
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    if not grads:
        return torch.tensor(0.0)
    device = grads[0].device
    if norm_type == math.inf:
        norms = [g.detach().abs().max().to(device) for g in grads]
        total = norms[0] if len(norms) == 1 else torch.stack(norms).max()
    else:
        norms = [g.detach().norm(norm_type).to(device) for g in grads]
        total = torch.stack(norms).norm(norm_type)
    if error_if_nonfinite and bool(total.isnan() | total.isinf()):
        raise RuntimeError(
            f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, "
            "so it cannot be clipped. To disable this error and scale the gradients by the "
            "non-finite norm anyway, set `error_if_nonfinite=False`"
        )
    coef = (max_norm / (total + 1e-6)).clamp(max=1.0)
    for g in grads:
        g.detach().mul_(coef.to(g.device))
    return total


def clip_grad_value_(parameters, clip_value):
    clip_value = float(clip_value)
    for g in _grads(parameters):
        g.detach().clamp_(min=-clip_value, max=clip_value)
