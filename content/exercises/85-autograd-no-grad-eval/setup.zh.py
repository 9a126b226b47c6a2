import torch

w = torch.tensor([2.0, -1.0], requires_grad=True)  # 一个正在训练的权重
X_train = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
t_train = torch.tensor([1.0, 1.0])
loss = ((X_train @ w - t_train) ** 2).mean()
loss.backward()  # 这一步的梯度现在在 w.grad 里

X_val = torch.tensor([[1.0, 2.0], [3.0, 1.0], [0.5, -1.0]])  # 验证数据
t_val = torch.tensor([0.5, 4.0, 2.5])
