# expect: param-replaced
with torch.no_grad():
    w = w - lr * w.grad
w.grad.zero_()
print(w)
