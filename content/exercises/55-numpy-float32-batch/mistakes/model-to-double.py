# expect: numpy-model-converted
x = torch.from_numpy(data)
w = w.double()
pred = x @ w
print(pred)
