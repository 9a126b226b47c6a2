xt = x.transpose(1, 2)  # （批量, 长度, 通道）
flat = xt.reshape(2, 12)  # 会复制：xt 的步幅无法直接展平
print(flat)
