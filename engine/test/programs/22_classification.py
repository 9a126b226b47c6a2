# CrossEntropyLoss classification on a tiny two-blob dataset, with accuracy per epoch.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
n = 60
centers = torch.tensor([[2.0, 2.0], [-2.0, -2.0], [2.0, -2.0]])
labels = torch.randint(0, 3, (n,))
points = centers[labels] + torch.randn(n, 2)

model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loader = DataLoader(TensorDataset(points, labels), batch_size=12, shuffle=True)

for epoch in range(6):
    correct = 0
    running = 0.0
    for xb, yb in loader:
        logits = model(xb)
        loss = criterion(logits, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running += loss.item()
        correct += (logits.argmax(dim=1) == yb).sum().item()
    print(f"epoch {epoch}: loss={running / len(loader):.4f} acc={correct / n:.3f}")

model.eval()
with torch.no_grad():
    probs = torch.softmax(model(centers), dim=1)
print(probs)
print(probs.argmax(1))
print(nn.functional.cross_entropy(torch.tensor([[1.0, 2.0, 0.5]]), torch.tensor([1])))
print(nn.NLLLoss()(torch.log_softmax(torch.tensor([[1.0, 2.0, 0.5]]), dim=1), torch.tensor([1])))
print(nn.BCELoss()(torch.tensor([0.8, 0.3]), torch.tensor([1.0, 0.0])))
print(nn.BCEWithLogitsLoss()(torch.tensor([1.5, -0.5]), torch.tensor([1.0, 0.0])))
print(nn.L1Loss()(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0])))
