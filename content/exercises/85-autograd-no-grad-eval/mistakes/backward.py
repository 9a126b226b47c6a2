# expect: ag-eval-backward
val_loss = ((X_val @ w - t_val) ** 2).mean()
val_loss.backward()
print(val_loss.item())
