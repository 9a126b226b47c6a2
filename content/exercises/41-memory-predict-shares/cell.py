a = torch.arange(4.0)  # [0., 1., 2., 3.]
b = a[1:]
c = a.clone()
d = a.view(2, 2)
e = a + 0
a[1] = 100.0
print(b[0].item(), c[1].item(), d[0, 1].item(), e[1].item())
