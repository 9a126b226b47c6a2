# A 1000-step training loop: temporaries must be released as the loop goes (the test also
# checks the engine's live storages stay bounded afterwards).
import torch

torch.manual_seed(0)
x = torch.randn(64, 8)
y = x @ torch.randn(8, 1) + 0.5
model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loss_fn = torch.nn.MSELoss()
for step in range(1000):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if step % 250 == 0:
        print(step, f"{loss.item():.4f}")
print(f"final {loss.item():.4f}")
