"""torch.backends: the switches of backends Torchlit does not have (cuDNN, Apple's MPS).

cuDNN and MPS are not available here, so is_available() is False; the flags can be set as in
PyTorch (the usual `torch.backends.cudnn.deterministic = True` line runs) and change nothing.
"""

import types

cudnn = types.ModuleType("torch.backends.cudnn")
cudnn.enabled = True
cudnn.deterministic = False
cudnn.benchmark = False
cudnn.allow_tf32 = True
cudnn.is_available = lambda: False
cudnn.version = lambda: None

mps = types.ModuleType("torch.backends.mps")
mps.is_available = lambda: False
mps.is_built = lambda: False
