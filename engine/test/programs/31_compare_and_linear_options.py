# torch.isclose / allclose / equal as PyTorch computes them (tolerances, NaN, infinities, dtype
# checks), and nn.Linear's device= and dtype= (float64 parameters drawn as float64).
import torch
from torch import nn

a = torch.tensor([1.0, 2.0, float("nan"), float("inf"), -float("inf")])
b = torch.tensor([1.0, 2.0001, float("nan"), float("inf"), float("inf")])
print(torch.isclose(a, b))
print(torch.isclose(a, b, equal_nan=True))
print(a.isclose(b, rtol=1e-3))
print(torch.allclose(a[:2], b[:2]), torch.allclose(a[:2], b[:2], rtol=1e-3), a[:2].allclose(b[:2], atol=0.1))
print(torch.isclose(torch.tensor([1, 2, 5]), torch.tensor([1, 3, 3]), atol=1))
print(torch.isclose(torch.tensor([True, False]), torch.tensor([True, True])))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1.0, 2.0])), torch.equal(a, a))
print(torch.equal(torch.ones(2, 3), torch.ones(3, 2)), torch.ones(2).equal(torch.ones(2)))
for bad in (
    lambda: torch.isclose(torch.tensor([1.0]), torch.tensor([1])),
    lambda: torch.allclose(torch.tensor([1.0]), torch.tensor([1.0]), rtol=-1),
    lambda: torch.allclose(torch.tensor([1.0]), torch.tensor([1.0]), atol=-0.5),
    lambda: torch.equal(torch.tensor([1.0]), 1),
):
    try:
        bad()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
f32 = nn.Linear(3, 2)
torch.manual_seed(0)
f64 = nn.Linear(3, 2, dtype=torch.float64, device="cpu")
print(f64.weight)
print(f64.bias.dtype, f64.weight.is_leaf, f64.weight.requires_grad)
print(torch.allclose(f32.weight.double(), f64.weight))
out = f64(torch.ones(4, 3, dtype=torch.float64)).sum()
out.backward()
print(out.dtype, f64.weight.grad)
print(nn.Linear(2, 2, bias=False, device=torch.device("cpu")).bias)
