x = torch.arange(6.0).view(2, 3)
a = x.reshape(3, 2)      # x is contiguous
b = x.t().reshape(6)     # x.t() is not
print(a.data_ptr() == x.data_ptr(), b.data_ptr() == x.data_ptr())
