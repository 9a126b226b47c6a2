live = ...      # 始终显示当前的读数，不复制数据
snapshot = ...  # 保存现在的值，无论 readings 之后怎样变化

readings[:] = [22.0, 22.5, 23.0]  # 下一次读数到来
print(live)
print(snapshot)
