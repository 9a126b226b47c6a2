# The usual seeding and device-selection lines of PyTorch code run unchanged: CUDA seeding,
# cuDNN flags, the MPS check, and the peak-memory counters (0 before any GPU work).
import torch

torch.manual_seed(0)
torch.cuda.manual_seed(0)
torch.cuda.manual_seed_all(0)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, torch.backends.cudnn.enabled)
print(torch.backends.mps.is_available(), torch.backends.mps.is_built())
print(torch.cuda.max_memory_allocated(), torch.cuda.memory_allocated())
device = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
print(torch.rand(3, device="cpu"))
