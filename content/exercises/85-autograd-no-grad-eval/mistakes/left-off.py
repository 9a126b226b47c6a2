# expect: ag-eval-left-off
torch.set_grad_enabled(False)
val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
