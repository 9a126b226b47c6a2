live = torch.from_numpy(readings)  # shares the array's memory
snapshot = torch.tensor(readings)  # a copy of the values readings has now

readings[:] = [22.0, 22.5, 23.0]  # the next reading arrives
print(live)
print(snapshot)
