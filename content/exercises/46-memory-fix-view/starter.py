xt = x.transpose(1, 2)  # (batch, length, channels)
flat = xt.view(2, 12)   # one row of 12 numbers per sample, in xt's order
print(flat)
