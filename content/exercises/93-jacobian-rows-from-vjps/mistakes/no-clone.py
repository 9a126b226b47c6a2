# expect: jac-rows-aliased
rows = []
for i in range(y.numel()):
    e_i = torch.zeros(y.numel())
    e_i[i] = 1.0
    y.backward(e_i, retain_graph=True)
    rows.append(x.grad)
    x.grad.zero_()
J = torch.stack(rows)
print(J)
