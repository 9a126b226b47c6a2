# NumPy bridge: .numpy() and torch.from_numpy share memory both ways, torch.tensor copies.
import numpy as np
import torch
print(repr(np.array([1.5, 2.25, 3.0])), repr(np.array([[1., 2.], [3., 4.]])))
print(np.array([[1., 2.], [3., 4.]]), repr(np.array([1, 2, 3])), repr(np.ones(3, dtype=np.float32)), repr(np.array([1,2],dtype=np.int32)))
print(repr(np.array([1e-5, 1.0])), repr(np.array([0.1, 123456.789])), repr(np.array([True, False])), repr(np.array(3.5)), repr(np.array([1.123456789, 2.0])))
print(repr(np.array([[1, -20], [300, 4]])), repr(np.zeros((2,3),dtype=np.float32)), repr(np.array([])), np.array([1/3], dtype=np.float32), repr(np.arange(3.0)[0]))
t = torch.ones(2, 3); a = t.numpy(); print(repr(a), a.dtype, a.shape, a.ndim, a.size)
a += 1
print(t)
t.add_(1)
print(a)
b = np.arange(6).reshape(2, 3)
bt = torch.from_numpy(b)
b[0, 0] = 100
print(bt)
c = torch.tensor(b)
b[1, 1] = -1
print(c, b)
print(torch.as_tensor(b).dtype, (b / 2), b * 1.5, b + b, repr(b.sum()), b.mean(), b.T)
print(np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]))
print(repr(np.array([[[1.5, 2], [3, 4]], [[5, 6], [7, 8]]])))
print(repr(np.array([-1.5, 2.0])), repr(np.linspace(0, 1, 5)), repr(np.array([0.1, 0.2], dtype=np.float32) * 3))
x = np.array([0.5, -0.25])
print(x.dtype == np.float64, x.dtype, repr(x.dtype), type(torch.ones(1).numpy()))
print(b[b > 2], b[:, 1], b[1])
print(np.shares_memory(a, t.numpy()), np.shares_memory(b, c.numpy()))
print(repr(np.zeros(3)), repr(np.full((2,), 7)), repr(np.eye(2, dtype=np.float32)))
print(repr(np.array([0.001, 1.0, 10.0])), repr(np.array([1e9, 1.0])))
