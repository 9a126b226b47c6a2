x = torch.arange(12.0).reshape(3, 4)  # strides (4, 1)
c = x[:, 1]                           # shape (3,)
print(c.is_contiguous(), c.stride())
