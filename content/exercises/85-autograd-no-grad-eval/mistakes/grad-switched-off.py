# expect: ag-eval-grad-switched-off
w.requires_grad_(False)
val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
