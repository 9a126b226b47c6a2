# torchlit: --device cuda
# No device= anywhere: under `torchlit run --device cuda` factories create on the GPU.
import torch

torch.manual_seed(0)
a = torch.randn(3, 4)
b = torch.arange(4.0)
print(a.device, b.device)
print(a @ b)
w = torch.zeros(4, 1, requires_grad=True)
for _ in range(20):
    loss = ((a @ w).squeeze(1) - b[:3]).pow(2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
print(round(loss.item(), 4))
