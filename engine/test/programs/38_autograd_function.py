# torch.autograd.Function: custom forward/backward in Python, as the seed book's "Function" class.
import torch
from torch import nn


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


class MulConstant(torch.autograd.Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


class LinearFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input, weight, bias=None):
        ctx.save_for_backward(input, weight, bias)
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


class SplitHalves(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        n = x.shape[0] // 2
        return x[:n].clone(), x[n:].clone()

    @staticmethod
    def backward(ctx, ga, gb):
        return torch.cat([ga, gb])


class Wrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        return x + y

    @staticmethod
    def backward(ctx, g):
        return g


x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = Exp.apply(x)
print(y, type(y.grad_fn).__name__, y.requires_grad)
y.sum().backward()
print(x.grad)
x.grad = None
z = MulConstant.apply(x, 3.0)
z.sum().backward()
print(z, x.grad)
torch.manual_seed(0)
inp = torch.randn(4, 3, requires_grad=True)
w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
out = LinearFn.apply(inp, w, b)
ref = nn.functional.linear(inp, w, b)
print(torch.allclose(out, ref))
out.pow(2).sum().backward()
gi, gw, gb = inp.grad.clone(), w.grad.clone(), b.grad.clone()
inp.grad = w.grad = b.grad = None
ref.pow(2).sum().backward()
print(torch.allclose(gi, inp.grad), torch.allclose(gw, w.grad), torch.allclose(gb, b.grad))
v = torch.arange(4.0, requires_grad=True)
a, c = SplitHalves.apply(v)
(a * 2 + 0).sum().backward()
print(a, c, v.grad)
with torch.no_grad():
    print(Exp.apply(x).requires_grad)
print(Exp.apply(torch.zeros(2)).requires_grad)
try:
    Wrong.apply(torch.ones(2, requires_grad=True), torch.ones(2)).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
