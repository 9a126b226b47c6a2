def data_iter(batch_size, features, labels):
    # 逐个产出 (X, y) 小批量，每批 batch_size 个样本（最后一批可以不足）：
    # 每个样本恰好出现一次，每次调用都重新随机排序，
    # features 的每一行始终和它自己的标签在一起。
    yield features, labels  # 目前：把整个数据集当作一批


# 试一试：7 个样本，每批 3 个。toy_features 的第 i 行是 [2i, 2i + 1]，它的标签是 i。
toy_features = torch.arange(14.0).reshape(7, 2)
toy_labels = torch.arange(7.0).reshape(7, 1)
batches = list(data_iter(3, toy_features, toy_labels))
print("batch sizes:", [len(y) for X, y in batches])
print("labels seen:", sorted(v for X, y in batches for v in y.reshape(-1).tolist()))
print("rows paired:", all((X[:, 0] == 2 * y[:, 0]).all().item() for X, y in batches))
