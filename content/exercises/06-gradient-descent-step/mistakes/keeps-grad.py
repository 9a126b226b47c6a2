# expect: grad-not-zeroed
with torch.no_grad():
    w -= lr * w.grad
print(w)
