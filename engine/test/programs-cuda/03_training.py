# A full autograd training loop: model and data moved with .to(device), as a CUDA reader writes
# it. Run with --device cuda (or device=cuda below) its losses match the CPU run in float32.
import torch
from torch import nn

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
X = torch.randn(64, 4)
true_w = torch.tensor([[1.5], [-2.0], [0.5], [3.0]])
Y = X @ true_w + 0.1 * torch.randn(64, 1)
model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
weight = model[0].weight
model.to(device)
assert model[0].weight is weight
X, Y = X.to(device), Y.to(device)
opt = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = nn.MSELoss()
for step in range(30):
    opt.zero_grad()
    loss = loss_fn(model(X), Y)
    loss.backward()
    opt.step()
    if step % 5 == 0 or step == 29:
        print(f"step {step:2d} loss {loss.item():.4f}")
print(model[0].weight.device, model[0].weight.grad.device)
print(model(X[:2]).shape)
