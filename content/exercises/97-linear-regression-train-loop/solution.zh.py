lr = 0.03
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)  # 这一批中每个样本各有一个损失
        l.sum().backward()  # backward() 需要标量：把这一批的损失加起来
        with torch.no_grad():  # 更新本身不能被记录进计算图
            w -= lr * w.grad / batch_size
            b -= lr * b.grad / batch_size
        w.grad.zero_()  # 梯度会累加：为下一批清零
        b.grad.zero_()
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
