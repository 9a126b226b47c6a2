xt = x.transpose(1, 2)  # （批量, 长度, 通道）
flat = xt.view(2, 12)   # 每个样本一行 12 个数，按 xt 的顺序
print(flat)
