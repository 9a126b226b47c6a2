# expect: ag-fn-formula-of-y
class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(y)  # the derivative can be written with y alone
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        return grad_output * torch.exp(-y) / (1 + torch.exp(-y)) ** 2


x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
Sigmoid.apply(x).sum().backward()
print(x.grad)
