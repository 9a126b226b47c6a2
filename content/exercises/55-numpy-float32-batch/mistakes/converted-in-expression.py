# expect: numpy-x-not-converted
x = torch.from_numpy(data)
pred = x.float() @ w
print(pred)
