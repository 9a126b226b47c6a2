# expect: mem-momentum-temporary
torch.add(0.9 * v, g, out=v)
print(v)
