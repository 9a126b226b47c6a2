a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
c = a * b
d = c.detach()
e = b * 2
print(a.is_leaf, b.is_leaf, c.is_leaf, d.is_leaf, e.is_leaf)
