# torchlit: --device cuda
# The site's GPU choice (here `torchlit run --device cuda`): a model built without .to() gets
# its parameters on the default device, so it trains there with data made the same way.
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.randn(32, 3)
Y = X.sum(dim=1, keepdim=True)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(20):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(X), Y)
    loss.backward()
    opt.step()
print(model[0].weight.device, model[2].bias.is_leaf, X.device)
print(round(loss.item(), 4))
print(torch.allclose(model(X), Y, atol=1.0))
