# expect: lr-iter-repeats
def data_iter(batch_size, features, labels):
    num_examples = len(features)
    for i in range(0, num_examples, batch_size):
        batch = torch.randint(0, num_examples, (min(batch_size, num_examples - i),))
        yield features[batch], labels[batch]


# Try it: 7 examples in batches of 3. Row i of toy_features is [2i, 2i + 1], its label is i.
toy_features = torch.arange(14.0).reshape(7, 2)
toy_labels = torch.arange(7.0).reshape(7, 1)
batches = list(data_iter(3, toy_features, toy_labels))
print("batch sizes:", [len(y) for X, y in batches])
print("labels seen:", sorted(v for X, y in batches for v in y.reshape(-1).tolist()))
print("rows paired:", all((X[:, 0] == 2 * y[:, 0]).all().item() for X, y in batches))
