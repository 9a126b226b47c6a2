import torch
X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
t = torch.tensor([1.0, 2.0])
w = torch.tensor([1.0, -2.0], requires_grad=True)
loss = ((X @ w - t) ** 2).mean()
loss.backward()
lr = 0.1
