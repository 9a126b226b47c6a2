# Tensor hooks: register_hook sees the gradient, may replace it, can be removed; errors raised
# inside a hook reach the program as themselves.
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
h = w.register_hook(lambda g: print("grad in hook:", g))
(w * 3).sum().backward()
print(w.grad)
h.remove()
w.register_hook(lambda g: g * 2)
(w * 3).sum().backward()
print(w.grad)
try:
    torch.ones(2).register_hook(lambda g: g)
except RuntimeError as e:
    print("RuntimeError:", e)
def bad(g):
    raise ValueError("from the hook")
w.register_hook(bad)
try:
    (w * 3).sum().backward()
except ValueError as e:
    print("ValueError:", e)
print(w.grad)
