# expect: param-replaced
w = w - lr * w.grad
print(w)
