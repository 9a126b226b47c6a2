rows = []
for i in range(y.numel()):
    e_i = torch.zeros(y.numel())
    e_i[i] = 1.0
    y.backward(e_i, retain_graph=True)  # x.grad is now e_i^T J, row i
    rows.append(x.grad.clone())  # a copy: backward and zero_() change x.grad in place
    x.grad.zero_()  # backward adds into .grad: clear it before the next row
J = torch.stack(rows)
print(J)
