# expect: numpy-snapshot-shares
live = torch.from_numpy(readings)
snapshot = torch.as_tensor(readings)

readings[:] = [22.0, 22.5, 23.0]
print(live)
print(snapshot)
