x = torch.tensor([1.0, 2.0, 3.0])
x * 10
x.sum()
print(x.tolist())
