# expect: numpy-live-copied
live = torch.tensor(readings)
snapshot = torch.tensor(readings)

readings[:] = [22.0, 22.5, 23.0]
print(live)
print(snapshot)
