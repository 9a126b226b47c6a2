# expect: gradient-ascent
with torch.no_grad():
    w += lr * w.grad
w.grad.zero_()
print(w)
