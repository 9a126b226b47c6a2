x = torch.arange(12.0).view(3, 4)
rows = x[1:]      # 最后两行
cols = x[:, :2]   # 前两列
a = rows.reshape(8)
b = cols.reshape(6)
print(a.data_ptr() == rows.data_ptr(), b.data_ptr() == cols.data_ptr())
