batch = batch.to(w)  # to() returns a copy: keep it
pred = batch @ w + b
print(pred)
