with torch.no_grad():  # 块内的运算都不会被记录：不建计算图，也不保存张量
    val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
