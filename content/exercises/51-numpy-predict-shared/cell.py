a = np.array([1, 2, 3])
s = torch.from_numpy(a)
c = torch.tensor(a)
a[0] = 100  # change the array after both tensors were made
print(s[0].item(), c[0].item())
