x = torch.from_numpy(data).float()
pred = x @ w
print(pred)
