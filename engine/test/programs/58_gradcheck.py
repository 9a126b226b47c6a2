import torch
from torch.autograd.gradcheck import GradcheckError
class Sq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return x * g
class NoMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x
torch.manual_seed(0)
d = torch.randn(3, dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(Sq.apply, (d,)))
print(torch.autograd.gradcheck(Sq.apply, d))
print(torch.autograd.gradcheck(Bad.apply, (d,), raise_exception=False))
for F in (Bad, NoMul):
    try:
        torch.autograd.gradcheck(F.apply, (d,))
    except GradcheckError as e:
        print(type(e).__name__, isinstance(e, RuntimeError)); print(e)
m = torch.randn(2, 3, dtype=torch.double, requires_grad=True)
w = torch.randn(3, 2, dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, b: (a @ b, a.sin()), (m, w)))
print(torch.autograd.gradcheck(torch.sigmoid, (torch.tensor(0.3, dtype=torch.double, requires_grad=True),)))
print(torch.autograd.gradgradcheck(lambda a: (a ** 3).sum(), (d,)))
print(torch.autograd.gradgradcheck(lambda a, b: a @ b, (m, w)))
try:
    torch.autograd.gradcheck(Sq.apply, (torch.randn(3, dtype=torch.double),))
except ValueError as e:
    print("ValueError:", e)
import warnings
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    r = torch.autograd.gradcheck(Sq.apply, (torch.randn(3, requires_grad=True),), raise_exception=False)
    print(r, [str(x.message) for x in ws])
try:
    torch.autograd.gradcheck(Sq.apply, (torch.randn(1, dtype=torch.double).expand(3).requires_grad_(),))
except RuntimeError as e:
    print(e)
print(torch.autograd.gradcheck(Sq.apply, (d,), fast_mode=True))
print(d.grad)


# An input that does not require grad is held fixed; an integer output is not differentiated.
class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, None


k = torch.tensor([1.0, 2.0, 3.0], dtype=torch.double)
print(torch.autograd.gradcheck(Scale.apply, (d, k)))
print(torch.autograd.gradcheck(lambda a: (a * 2, a.argmax()), (d,)))


# A backward that is right once but cuts the graph: gradcheck passes, gradgradcheck does not.
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x.detach() ** 2 * g


print(torch.autograd.gradcheck(Cube.apply, (d,)))
g_out = torch.ones(3, dtype=torch.double, requires_grad=True)
try:
    torch.autograd.gradgradcheck(Cube.apply, (d,), (g_out,))
except RuntimeError as e:
    print(type(e).__name__, str(e).splitlines()[0])
print(torch.autograd.gradgradcheck(Cube.apply, (d,), (g_out,), raise_exception=False))
# Tolerances: a loose atol accepts the halved gradient, eps changes the differences' step.
print(torch.autograd.gradcheck(Bad.apply, (d,), atol=3.0, rtol=0.0))
print(torch.autograd.gradcheck(Sq.apply, (d,), eps=1e-3))
# A function with no differentiable output: its numerical gradient must be zero.
print(torch.autograd.gradcheck(lambda a: a.detach() * 2, (d,), raise_exception=False))
print(torch.autograd.gradcheck(lambda a: (a.detach() > 0).double(), (d,)))
