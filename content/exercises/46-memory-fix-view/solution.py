xt = x.transpose(1, 2)  # (batch, length, channels)
flat = xt.reshape(2, 12)  # copies, since xt's strides cannot be flattened in place
print(flat)
