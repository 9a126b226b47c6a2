x = torch.from_numpy(data)
pred = x @ w
print(pred)
