live = torch.from_numpy(readings)  # 与数组共享内存
snapshot = torch.tensor(readings)  # 现在数值的一份副本

readings[:] = [22.0, 22.5, 23.0]  # 下一次读数到来
print(live)
print(snapshot)
