def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = torch.randperm(num_examples)  # 每次调用都重新打乱顺序
    for i in range(0, num_examples, batch_size):
        batch = indices[i:i + batch_size]  # 索引用完时，最后一段自然更短
        yield features[batch], labels[batch]  # 用同一组索引，特征和标签就不会错位


# 试一试：7 个样本，每批 3 个。toy_features 的第 i 行是 [2i, 2i + 1]，它的标签是 i。
toy_features = torch.arange(14.0).reshape(7, 2)
toy_labels = torch.arange(7.0).reshape(7, 1)
batches = list(data_iter(3, toy_features, toy_labels))
print("batch sizes:", [len(y) for X, y in batches])
print("labels seen:", sorted(v for X, y in batches for v in y.reshape(-1).tolist()))
print("rows paired:", all((X[:, 0] == 2 * y[:, 0]).all().item() for X, y in batches))
