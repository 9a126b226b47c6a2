# Autograd's argument checks, message for message: gradients given to backward()/grad(), a
# custom Function's returned gradients, assigning .grad, and the names of graph nodes.
import re

import torch


def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


def graph():
    x = torch.ones(3, requires_grad=True)
    return x, x * 2


# A gradient for backward()/grad() must have its output's shape: no broadcasting.
x, y = graph()
attempt(lambda: y.backward(torch.ones(2)))
attempt(lambda: torch.autograd.grad(y, x, torch.ones(2)))
attempt(lambda: torch.autograd.grad(y, x, torch.ones(1, 3)))
attempt(lambda: torch.autograd.grad(y, x, torch.ones(1)))
attempt(lambda: torch.autograd.grad(y.sum(), x, torch.ones(1)))
attempt(lambda: torch.autograd.backward([y], [torch.ones(3, 3)]))
attempt(lambda: torch.autograd.grad([y, y * 1], x, [torch.ones(2), torch.ones(3)]))
# Not a tensor: an int is not iterable, a list's elements are each checked.
attempt(lambda: y.backward(3))
attempt(lambda: y.backward([1.0, 1.0, 1.0]))
attempt(lambda: torch.autograd.grad(y, x, [1.0, 2.0, 3.0]))
attempt(lambda: torch.autograd.grad([y, y], x, [torch.ones(3)]))
attempt(lambda: torch.autograd.grad([y, y], x, [torch.ones(3), None]))
attempt(lambda: y.backward(torch.ones(3), inputs=[]))
# Another dtype is fine: the gradient is cast to the output's.
x, y = graph()
y.backward(torch.ones(3, dtype=torch.float64))
print(x.grad, x.grad.dtype)
x, y = graph()
y.backward(torch.tensor([1, 0, 1]))
print(x.grad)
x, y = graph()
print(torch.autograd.grad(y, x, [torch.ones(3), torch.ones(3)]))

# Node names: C++ nodes outside the generated *Backward classes carry their namespace in name().
x, y = graph()
acc = y.grad_fn.next_functions[0][0]
print(acc.name(), type(acc).__name__, type(acc).__module__, y.grad_fn.name(), type(y.grad_fn).__module__)
y[0] = 5
print(y.grad_fn.name(), type(y.grad_fn).__name__)
addr = re.compile("0x[0-9a-f]+")
print(addr.sub("ADDR", repr(acc)), addr.sub("ADDR", repr(y.grad_fn)))


# A custom Function's backward: extra trailing Nones are dropped; anything else must match.
def fn(name, backward):
    def forward(ctx, *args):
        return args[0] * 2

    return type(name, (torch.autograd.Function,),
                {"forward": staticmethod(forward), "backward": staticmethod(backward)})  # fmt: skip


Two = fn("Two", lambda ctx, g: (g * 2, None))
x = torch.ones(3, requires_grad=True)
o = Two.apply(x)
print(o.grad_fn.name(), type(o.grad_fn).__name__, type(o.grad_fn).__module__)
print(addr.sub("ADDR", repr(o.grad_fn)))
o.sum().backward()
print(x.grad)
x.grad = None
fn("Three", lambda ctx, g: (g * 2, None, None)).apply(x).sum().backward()
print(x.grad)
attempt(lambda: fn("Bad", lambda ctx, g: (g * 2, g)).apply(x).sum().backward())
attempt(lambda: fn("Bad2", lambda ctx, g: (g * 2, None, 3)).apply(x).sum().backward())
attempt(lambda: fn("Few", lambda ctx, g: g * 2).apply(x, 2.0).sum().backward())
attempt(lambda: fn("Empty", lambda ctx, g: ()).apply(x).sum().backward())
attempt(lambda: fn("NonTensor", lambda ctx, g: (g, g)).apply(x, 2.0).sum().backward())
attempt(lambda: fn("List", lambda ctx, g: [g]).apply(x).sum().backward())
attempt(lambda: fn("Int", lambda ctx, g: 3).apply(x).sum().backward())
attempt(lambda: fn("Shape", lambda ctx, g: torch.ones(2)).apply(x).sum().backward())
attempt(lambda: fn("One", lambda ctx, g: torch.ones(1)).apply(x).sum().backward())
attempt(lambda: fn("Scalar", lambda ctx, g: torch.tensor(1.0)).apply(x).sum().backward())
# A gradient its input broadcasts to is summed down to the input's shape; the dtype is cast.
a = torch.ones(2, 1, requires_grad=True)
k = torch.ones(3)
fn("Wide", lambda ctx, g: (torch.ones(4, 2, 3), torch.ones(2, 3), None)).apply(a, k, 2.0).sum().backward()
print(a.grad)
a.grad = None
fn("Long", lambda ctx, g: torch.ones(2, 1, dtype=torch.int64)).apply(a).sum().backward()
print(a.grad, a.grad.dtype)
Batched = fn("Batched", lambda ctx, g: (2 * g).unsqueeze(0).expand(3, 2, 1))
(gb,) = torch.autograd.grad(Batched.apply(a).sum(), a, create_graph=True)
print(gb)

# Assigning .grad: a Tensor or None of the tensor's dtype, device and size.
w = torch.ones(2, requires_grad=True)


def assign(v):
    w.grad = v
    return w.grad


attempt(lambda: assign(0))
attempt(lambda: assign([1.0, 2.0]))
attempt(lambda: assign(w))
attempt(lambda: assign(torch.ones(3)))
attempt(lambda: assign(torch.ones(2, 1)))
attempt(lambda: assign(torch.ones(2, dtype=torch.float64)))
attempt(lambda: assign(torch.ones(3, dtype=torch.int64)))
attempt(lambda: assign(torch.ones(2) * 3))
attempt(lambda: assign(None))
del w.grad
print(w.grad)
