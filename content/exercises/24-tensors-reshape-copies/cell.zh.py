x = torch.arange(6.0).view(2, 3)
a = x.reshape(3, 2)      # x 是连续的
b = x.t().reshape(6)     # x.t() 不是
print(a.data_ptr() == x.data_ptr(), b.data_ptr() == x.data_ptr())
