# reshape 能返回视图时返回视图，必须复制时才复制：这里必须复制
cols = m.t().reshape(6)
print(cols)
