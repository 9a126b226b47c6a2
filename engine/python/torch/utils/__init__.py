"""torch.utils: only the data package is provided."""

from . import data
