import torch
import numpy as np

w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)  # a weight being trained
