batch = batch.to(w)  # to() 返回一个副本：要把它留下
pred = batch @ w + b
print(pred)
