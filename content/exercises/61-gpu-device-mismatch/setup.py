import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# The model: float32 weights on the device
w = torch.tensor([[0.5], [-1.0], [2.0]], device=device)
b = torch.tensor([0.1], device=device)
# A batch from the data pipeline: on the CPU, float64 (as NumPy makes it)
batch = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=torch.float64, device="cpu")
