# div/divide with rounding_mode ('trunc', 'floor'), in place and with out=, on ints and floats;
# and integral float arguments (2.0) where the engine takes a number: norm's order, clamp.
import torch
a = torch.tensor([7, -7, 7, -7, 6])
b = torch.tensor([2, 2, -2, -2, 3])
print(a.div(b, rounding_mode="trunc"), a.div(b, rounding_mode="floor"), a.div(b))
print(torch.div(a, 2, rounding_mode="trunc"), torch.div(a, -2, rounding_mode="floor"))
x = torch.tensor([7.5, -7.5, 2.0])
print(torch.div(x, 2, rounding_mode="trunc"), x.divide(2.0, rounding_mode="floor"))
y = torch.tensor([7, -7]); y.div_(2, rounding_mode="trunc"); print(y)
out = torch.empty(5, dtype=torch.int64)
torch.div(a, b, rounding_mode="trunc", out=out); print(out)
print(torch.div(torch.tensor([5], dtype=torch.int32), 2, rounding_mode="trunc").dtype)
try:
    a.div(b, rounding_mode="round")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a.div(torch.tensor([0, 1, 1, 1, 1]), rounding_mode="trunc")
except (RuntimeError, ZeroDivisionError) as e:
    print(type(e).__name__, e)
x = torch.tensor([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
print(x.norm(2.0), x.norm(p=1.0), x.norm(3.0, dim=1), x.clamp(min=0.0, max=2.0))
