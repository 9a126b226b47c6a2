with torch.no_grad():  # nothing inside is recorded: no graph, no saved tensors
    val_loss = ((X_val @ w - t_val) ** 2).mean()
print(val_loss.item())
