# A tensor larger than any buffer the GPU gives: torch.cuda.OutOfMemoryError (a RuntimeError)
# with PyTorch's wording; nothing was allocated, so the GPU stays usable.
import torch

try:
    torch.empty(2**34, device="cuda")
except torch.cuda.OutOfMemoryError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
    print(e)
print(torch.cuda.is_available(), torch.ones(2, device="cuda").sum().item())
