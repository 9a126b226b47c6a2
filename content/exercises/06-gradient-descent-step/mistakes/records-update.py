# expect: needs-no-grad
w -= lr * w.grad
w.grad.zero_()
print(w)
