# 在 w 处、小批量 idx 上均方误差的梯度：
# g = (2 / B) * X_Bᵀ (X_B w − y_B)
g = torch.zeros(3)
print(g)
