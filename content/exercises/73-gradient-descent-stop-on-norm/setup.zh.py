import torch
curv = torch.tensor([1.0, 10.0])  # L(θ) = θ1² + 10·θ2²，最小值 0 在 (0, 0)


def L(theta):
    return (curv * theta**2).sum()


def grad_L(theta):  # (2θ1, 20θ2)
    return 2 * curv * theta


theta0 = torch.tensor([1.0, 1.0])  # 起点
lr = 0.08
tol = 1e-3       # 梯度的长度低于它时停止
max_steps = 500  # 而且步数绝不超过它
