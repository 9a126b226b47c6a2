# expect: numpy-float64-meets-float32
x = torch.from_numpy(data)
x.float()
pred = x @ w
print(pred)
