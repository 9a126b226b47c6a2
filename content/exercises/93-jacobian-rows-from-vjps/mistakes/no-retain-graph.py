# expect: jac-rows-retain-graph
rows = []
for i in range(y.numel()):
    e_i = torch.zeros(y.numel())
    e_i[i] = 1.0
    y.backward(e_i)
    rows.append(x.grad.clone())
    x.grad.zero_()
J = torch.stack(rows)
print(J)
