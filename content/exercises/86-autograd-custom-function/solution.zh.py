class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(y)  # 导数只用 y 就能写出来
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        return grad_output * y * (1 - y)  # 链式法则：上游梯度乘以 σ'(x) = y (1 - y)


x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
Sigmoid.apply(x).sum().backward()
print(x.grad)
