m = torch.arange(6.0).reshape(2, 3)
flat = m.t().reshape(6)
print(flat.tolist())
