import torch
from torch import nn

torch.manual_seed(0)
