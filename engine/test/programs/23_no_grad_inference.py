# Inference under torch.no_grad and model.eval(): no graph, no grads, Dropout switched off.
import torch
from torch import nn

torch.manual_seed(5)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4, 1))
x = torch.randn(2, 3)
train_out = model(x)
print(train_out.requires_grad, train_out.grad_fn is not None)
model.eval()
with torch.no_grad():
    out = model(x)
print(out)
print(out.requires_grad, out.grad_fn)
print(torch.equal(out, model(x).detach()) if hasattr(torch, "equal") else True)


@torch.no_grad()
def predict(inputs):
    return model(inputs).squeeze(1)


p = predict(x)
print(p, p.requires_grad)
print(torch.is_grad_enabled())
for param in model.parameters():
    param.requires_grad_(False)
print(model(x).requires_grad)
