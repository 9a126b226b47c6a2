# expect: jac-rows-all-sum
rows = []
for i in range(y.numel()):
    y.backward(torch.ones(y.numel()), retain_graph=True)
    rows.append(x.grad.clone())
    x.grad.zero_()
J = torch.stack(rows)
print(J)
