# expect: ag-eval-recorded
pred = X_val @ w
val_loss = ((pred - t_val) ** 2).mean()
print(val_loss.item())
