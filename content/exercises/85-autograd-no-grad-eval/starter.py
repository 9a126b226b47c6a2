# Compute the validation loss without recording anything for autograd.
val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
