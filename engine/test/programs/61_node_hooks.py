import torch

# grad_fn.register_hook(hook): hook(grad_inputs, grad_outputs) runs after the node has run, in
# the engine's order; grad_outputs are the gradients flowing in, grad_inputs those sent on to
# next_functions (None where an input needs no gradient).


def nodes(fn):
    """Every node reachable from fn, each once, in a depth-first walk."""
    out, stack = [], [fn]
    while stack:
        n = stack.pop()
        if n is None or n in out:
            continue
        out.append(n)
        stack.extend(f for f, _ in reversed(n.next_functions))
    return out


def show(label, make, names="abc"):
    leaves = [torch.tensor(v, requires_grad=True) for v in (2.0, 3.0, -1.0)]
    y = make(*leaves)
    print(label, y)
    graph = nodes(y.grad_fn)
    ids = {n: i for i, n in enumerate(graph)}
    for n in graph:
        edges = [None if f is None else (ids[f], nr) for f, nr in n.next_functions]
        print(" ", ids[n], n.name(), edges)
    order = []
    for n in graph:
        n.register_hook(lambda gi, go, n=n: order.append((ids[n], type(n).__name__, gi, go)))
    y.backward(retain_graph=True)
    for step in order:
        print("  ran", *step)
    print("  grads", [t.grad for t in leaves])


show("a*b + a.sin()", lambda a, b, c: a * b + a.sin())
show("(a+b)*(a-b)", lambda a, b, c: (a + b) * (a - b))
show("a*a", lambda a, b, c: a * a)
show("a*b*c + b", lambda a, b, c: a * b * c + b)
show("c*b + a*c", lambda a, b, c: c * b + a * c)
show("(a*b).exp()", lambda a, b, c: (a * b).exp())
show("a+b+c", lambda a, b, c: a + b + c)
show("c+b+a", lambda a, b, c: c + b + a)
show("a*b + b*c + c*a", lambda a, b, c: a * b + b * c + c * a)
show("torch.sigmoid(a) * torch.tanh(b) - torch.relu(c)", lambda a, b, c: torch.sigmoid(a) * torch.tanh(b) - torch.relu(c))

# Numbers on either side: next_functions list the tensor's node only, with None for a number
# the op wrapped into a tensor.
a = torch.tensor(2.0, requires_grad=True)
for label, y in [("1 - a", 1 - a), ("2 / a", 2 / a), ("a - 1", a - 1), ("a ** 2", a ** 2),
                 ("2 ** a", 2 ** a), ("a * 3", a * 3), ("3 + a", 3 + a), ("a / 2", a / 2)]:
    print(label, y.grad_fn.name(), [(None if f is None else f.name(), nr) for f, nr in y.grad_fn.next_functions])

# An input that needs no gradient is a None edge, and its grad_input is None.
b = torch.tensor(3.0)
y = a * b
print(y.grad_fn.next_functions[1])
y.grad_fn.register_hook(lambda gi, go: print("mul", gi, go))
y.grad_fn.next_functions[0][0].register_hook(lambda gi, go: print("acc", gi, go, a.grad))
y.backward()

# A hook's returned tuple replaces the gradients sent on; remove() unregisters it (twice is fine).
a.grad = None
y = a * 3
handle = y.grad_fn.register_hook(lambda gi, go: (gi[0] * 10, None))
y.backward(retain_graph=True)
print(a.grad)
handle.remove()
handle.remove()
y.backward()
print(a.grad)


def bad_return(result):
    x = torch.tensor(2.0, requires_grad=True)
    z = x * 3
    z.grad_fn.register_hook(lambda gi, go: result)
    try:
        z.backward()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)


bad_return(5)
bad_return([None, None])
bad_return((None,))
bad_return((1, None))

# torch.autograd.grad does not run AccumulateGrad, so its hooks stay silent.
y = a * 2
y.grad_fn.register_hook(lambda gi, go: print("mul in grad", gi, go))
y.grad_fn.next_functions[0][0].register_hook(lambda gi, go: print("never"))
print(torch.autograd.grad(y, [a]))

# A second backward without retain_graph: the graph's saved tensors are gone (a * b saved its
# inputs); a graph that saved nothing (a + b) runs again and accumulates.
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = a * b
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
y = a + b
y.backward()
y.backward()
print(a.grad, b.grad)
