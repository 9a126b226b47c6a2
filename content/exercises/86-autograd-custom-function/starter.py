class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(y)  # the derivative can be written with y alone
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        # Return the gradient with respect to x. This line is wrong: fix it.
        return grad_output


x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
Sigmoid.apply(x).sum().backward()
print(x.grad)
