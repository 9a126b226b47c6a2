batch.to(w)  # bring the batch where the model is: w's device and dtype
pred = batch @ w + b
print(pred)
