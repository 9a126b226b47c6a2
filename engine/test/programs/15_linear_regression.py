# Linear regression with nn.Linear, MSELoss, SGD and a shuffled DataLoader, one loss per epoch.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(100, 1)
y = 3 * X + 2 + 0.1 * torch.randn(100, 1)

dataset = TensorDataset(X, y)
loader = DataLoader(dataset, batch_size=16, shuffle=True)
print(len(dataset), len(loader))

model = nn.Linear(1, 1)
print(model)
print(model.weight, model.bias)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(5):
    total = 0.0
    for xb, yb in loader:
        pred = model(xb)
        loss = loss_fn(pred, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * xb.shape[0]
    print(f"epoch {epoch + 1}: loss {total / len(dataset):.6f}")

print(model.weight.data, model.bias.data)
print(model.weight.grad)
w, b = model.parameters()
print(f"w = {w.item():.4f}, b = {b.item():.4f}")
