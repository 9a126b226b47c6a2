m = torch.arange(6.0).reshape(3, 2)
flat = m.t().reshape(6)
print(flat.tolist())
