x = torch.arange(12.0).view(3, 4)
rows = x[1:]      # the last two rows
cols = x[:, :2]   # the first two columns
a = rows.reshape(8)
b = cols.reshape(6)
print(a.data_ptr() == rows.data_ptr(), b.data_ptr() == cols.data_ptr())
