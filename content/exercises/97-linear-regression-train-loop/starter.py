lr = 0.03
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)  # one loss per example of the batch
        # 1. compute the gradients of the batch's summed loss with respect to w and b
        # 2. move w and b against their gradients by lr / batch_size times the gradient
        # 3. clear the gradients for the next batch
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
