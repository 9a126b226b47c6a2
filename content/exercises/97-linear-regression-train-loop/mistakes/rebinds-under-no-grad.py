# expect: lr-param-rebound
lr = 0.03
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)  # one loss per example of the batch
        l.sum().backward()
        with torch.no_grad():
            w = w - lr * w.grad / batch_size
            b = b - lr * b.grad / batch_size
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
