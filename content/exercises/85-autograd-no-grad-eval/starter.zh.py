# 计算验证损失，不让 autograd 记录任何运算。
val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
