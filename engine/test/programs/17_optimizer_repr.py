# Optimizer reprs, param_groups as dicts, editing the learning rate, and optimizer state.
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
sgd = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
print(sgd)
adam = torch.optim.Adam(model.parameters())
print(adam)
groups = torch.optim.SGD(
    [{"params": model[0].parameters()}, {"params": model[2].parameters(), "lr": 1e-3}],
    lr=0.1,
)
print(groups)
print(len(groups.param_groups), [g["lr"] for g in groups.param_groups])
print(len(groups.param_groups[0]["params"]))

x = torch.randn(4, 3)
y = torch.randn(4, 1)
for step in range(3):
    sgd.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    sgd.step()
    print(step, round(loss.item(), 5))
print(sgd.state[model[0].weight]["momentum_buffer"])
for g in sgd.param_groups:
    g["lr"] = 0.001
print(sgd.param_groups[0]["lr"])
sgd.zero_grad()
print(model[0].bias.grad)
print(sgd)
