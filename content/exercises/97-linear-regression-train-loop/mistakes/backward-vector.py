# expect: lr-backward-not-scalar
lr = 0.03
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)  # one loss per example of the batch
        l.backward()
        with torch.no_grad():  # the update itself must not be recorded
            w -= lr * w.grad / batch_size
            b -= lr * b.grad / batch_size
        w.grad.zero_()  # gradients accumulate: clear them for the next batch
        b.grad.zero_()
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
