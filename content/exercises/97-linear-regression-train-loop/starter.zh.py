lr = 0.03
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)  # 这一批中每个样本各有一个损失
        # 1. 对这一批的损失之和求 w 和 b 的梯度
        # 2. 让 w 和 b 沿梯度的反方向移动，步长是 lr / batch_size 乘以梯度
        # 3. 为下一批清零梯度
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
