# d2l-style code: linear regression from scratch (Python's random.shuffle feeding tensor
# indices), softmax pieces indexed with range(), accuracy with argmax(axis=1), and NumPy's
# axis=/keepdims= spellings that PyTorch accepts for dim=/keepdim=.
import random
import torch

def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

torch.manual_seed(0)
random.seed(0)
true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
print('features:', features[0], '\nlabel:', labels[0])

def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i: min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]

w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
def linreg(X, w, b):
    return torch.matmul(X, w) + b
def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()
lr, num_epochs, batch_size = 0.03, 3, 10
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = squared_loss(linreg(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = squared_loss(linreg(features, w, b), labels)
        print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')
print(f'w error: {true_w - w.reshape(true_w.shape)}')
print(f'b error: {true_b - b}')

X = torch.normal(0, 1, (2, 5))
X_exp = torch.exp(X)
partition = X_exp.sum(1, keepdim=True)
y_hat = X_exp / partition
print(y_hat, y_hat.sum(1))
y = torch.tensor([0, 2])
print(y_hat[[0, 1], y], -torch.log(y_hat[range(len(y_hat)), y]))
def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())
print(accuracy(y_hat, y) / len(y))
print(X.sum(axis=0), X.mean(axis=1, keepdim=True).shape, X.max(axis=1).values, torch.argmax(X, axis=0))
print(X.numel(), X.dim(), X.size(), X.size(1), X.T.shape, X.t().is_contiguous())
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
print(A.sum(axis=[0, 1]), A.cumsum(axis=0)[-1], torch.mm(A, A.T).shape, torch.dot(A[0], A[1]))
print(torch.abs(A).sum(), torch.norm(A), A / A.sum(axis=1, keepdims=True))
x = torch.arange(6.).reshape(2, 3)
print(x.max(axis=1), x.min(axis=0, keepdims=True).values)
print(x.sum(axis=1, keepdims=True), x.std(axis=0), x.cumsum(axis=1))
print(torch.sum(x, axis=0), torch.mean(x, axis=(0, 1)), x.squeeze(axis=0).shape)
print(torch.cat([x, x], axis=0).shape, torch.stack([x, x], axis=1).shape, x.argmax(axis=1, keepdims=True))
print(torch.max(x, axis=0).values, torch.amax(x, axis=1), x.prod(axis=1), x.any(axis=0))
