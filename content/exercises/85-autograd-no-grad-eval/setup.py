import torch

w = torch.tensor([2.0, -1.0], requires_grad=True)  # a weight being trained
X_train = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
t_train = torch.tensor([1.0, 1.0])
loss = ((X_train @ w - t_train) ** 2).mean()
loss.backward()  # this step's gradient is now in w.grad

X_val = torch.tensor([[1.0, 2.0], [3.0, 1.0], [0.5, -1.0]])  # validation data
t_val = torch.tensor([0.5, 4.0, 2.5])
