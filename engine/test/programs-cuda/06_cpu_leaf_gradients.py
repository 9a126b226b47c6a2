# Parameters that live on the CPU, moved to the GPU inside the forward pass: the gradient comes
# back through .to() to the CPU leaf (in torchlit the backward pass awaits that copy), also
# with a dtype change on the way (float64 leaf, float32 on the GPU).
import torch

w = torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64, device="cpu", requires_grad=True)
b = torch.zeros(1, device="cpu", requires_grad=True)
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device="cuda")
for step in range(3):
    y = x @ w.to("cuda", torch.float32) + b.cuda()
    loss = y.pow(2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
        b -= 0.01 * b.grad
    print(step, round(loss.item(), 4), w.grad, b.grad)
    w.grad = None
    b.grad = None
(g,) = torch.autograd.grad((x @ w.to("cuda", torch.float32)).sum(), w)
print(g)
print(w.device, w.dtype, b.device, y.device)
print(y.detach())
