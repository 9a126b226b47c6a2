theta = theta0.clone()
steps = 0
# 重复：计算梯度；如果它的范数低于 tol，或者已经走了 max_steps 步，就停止；
# 否则更新 theta，并把步数加一。

print(steps, theta)
