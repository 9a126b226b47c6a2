import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
readings = torch.tensor([1.5, 2.0, 3.5, 4.0], dtype=torch.float64, device="cpu")
