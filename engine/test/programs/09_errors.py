# PyTorch's errors, caught and printed: type and message match.
import torch

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.arange(6)
attempt(lambda: x.view(4, 2))
attempt(lambda: x[10])
attempt(lambda: torch.ones(2, 3) @ torch.ones(2, 3))
attempt(lambda: torch.ones(2) + torch.ones(3))
attempt(lambda: torch.tensor([[1, 2], [3]]))
attempt(lambda: float(torch.ones(2)))
attempt(lambda: bool(torch.ones(2)))
attempt(lambda: torch.ones(2).item())
attempt(lambda: torch.ones(2, 2, requires_grad=True).sum().backward() or x.sum().backward())
attempt(lambda: torch.tensor([1, 2], requires_grad=True))
attempt(lambda: len(torch.tensor(3)))
attempt(lambda: x.sum(dim=3))
