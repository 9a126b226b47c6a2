"""Multinomial: counts per category after total_count independent Categorical draws."""

import torch

from . import constraints
from .categorical import Categorical
from .distribution import Distribution


class Multinomial(Distribution):
    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise NotImplementedError("inhomogeneous total_count is not supported")
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        batch_shape = self._categorical.batch_shape
        event_shape = self._categorical.param_shape[-1:]
        super().__init__(batch_shape, event_shape, validate_args)

    @property
    def probs(self):
        return self._categorical.probs

    @property
    def logits(self):
        return self._categorical.logits

    @property
    def param_shape(self):
        return self._categorical.param_shape

    @property
    def mean(self):
        return self.probs * self.total_count

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def sample(self, sample_shape=torch.Size()):
        sample_shape = torch.Size(sample_shape)
        # total_count categories per sample, drawn first along a leading dim, then moved last
        drawn = self._categorical.sample(torch.Size((self.total_count,)) + sample_shape)
        order = list(range(1, drawn.dim())) + [0]
        drawn = drawn.permute(*order)
        counts = torch.zeros(self._extended_shape(sample_shape), dtype=drawn.dtype)
        counts.scatter_add_(-1, drawn, torch.ones_like(drawn))
        return counts.type_as(self.probs)

    def log_prob(self, value):
        from .._missing import NotInTorchlitError

        raise NotInTorchlitError(
            "Multinomial.log_prob needs torch.lgamma, which Torchlit's engine does not have yet"
        )
