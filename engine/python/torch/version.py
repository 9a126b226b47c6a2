"""torch.version: what build of PyTorch this is, as install checks print it.

Torchlit's engine follows PyTorch 1.13.1. It is no CUDA build: `cuda` is None, as on a CPU-only
PyTorch, even though torch.cuda drives the reader's GPU through WebGPU (torch.cuda.is_available()
says whether one is there).
"""

__version__ = "1.13.1"
debug = False
cuda = None
git_version = "Unknown"
hip = None
