m = torch.arange(6.0).reshape(2, 3)  # strides (3, 1)
t = m.t()                            # shape (3, 2)
print(t.is_contiguous(), t.stride())
