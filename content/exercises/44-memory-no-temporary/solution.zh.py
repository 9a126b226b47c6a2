v.mul_(0.9).add_(g)  # 原地方法都返回 v 本身，所以可以连着写
print(v)
