class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(y)  # 导数只用 y 就能写出来
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        # 返回关于 x 的梯度。这一行是错的：请修正它。
        return grad_output


x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
Sigmoid.apply(x).sum().backward()
print(x.grad)
