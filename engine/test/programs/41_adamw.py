# torch.optim.AdamW: decoupled weight decay (the parameters shrink by 1 - lr * wd before the Adam
# update), its repr and defaults, amsgrad; parameters bit-identical to PyTorch's.
import torch
from torch import nn
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.AdamW(model.parameters(), lr=0.1)
print(opt)
x = torch.randn(8, 3); y = torch.randn(8, 1)
for _ in range(5):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
print(model.weight.data, model.bias.data, round(loss.item(), 5))
print(opt.state[model.weight]["step"], opt.state[model.weight]["exp_avg"])
opt2 = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.5, amsgrad=True)
for _ in range(3):
    opt2.zero_grad(); ((model(x) - y) ** 2).mean().backward(); opt2.step()
print([float(v) for v in model.weight.data.flatten()])
from torch import nn
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.AdamW(model.parameters(), lr=0.1)
x = torch.randn(8, 3); y = torch.randn(8, 1)
for _ in range(3):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    print([float(v).hex() for v in model.weight.grad.flatten()])
    opt.step()
    print([float(v).hex() for v in model.weight.data.flatten()], float(model.bias.data).hex())
