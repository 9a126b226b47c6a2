batch.to(w)  # 把这批数据送到模型那里：w 的设备和数据类型
pred = batch @ w + b
print(pred)
