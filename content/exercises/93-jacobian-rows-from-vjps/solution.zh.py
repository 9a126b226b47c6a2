rows = []
for i in range(y.numel()):
    e_i = torch.zeros(y.numel())
    e_i[i] = 1.0
    y.backward(e_i, retain_graph=True)  # 现在 x.grad 是 e_i^T J，即第 i 行
    rows.append(x.grad.clone())  # 复制一份：backward 和 zero_() 都会原地修改 x.grad
    x.grad.zero_()  # backward 会累加到 .grad：算下一行之前先清零
J = torch.stack(rows)
print(J)
