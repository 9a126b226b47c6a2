# The gradient of the mean squared error over the mini-batch idx, at w:
# g = (2 / B) * X_Bᵀ (X_B w − y_B)
g = torch.zeros(3)
print(g)
