a = np.array([1, 2, 3])
s = torch.from_numpy(a)
c = torch.tensor(a)
a[0] = 100  # 两个张量都创建好之后，再修改数组
print(s[0].item(), c[0].item())
