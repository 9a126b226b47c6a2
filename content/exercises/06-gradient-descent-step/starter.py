# one step: move w against its gradient, then clear the gradient
print(w)
