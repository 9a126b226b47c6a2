def f(x):  # from R^3 to R^2
    return torch.stack([x.sum(), (x ** 2).sum()])


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
J = torch.autograd.functional.jacobian(f, x)
print(J.shape)
f(x).backward(torch.tensor([1.0, 1.0]))
print(x.grad.shape)
