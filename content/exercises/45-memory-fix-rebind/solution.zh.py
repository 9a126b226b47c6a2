def apply_updates(w, updates, lr=0.5):
    # 对 updates 中的每个 u，从 w 中减去 lr * u，原地修改 w。
    for u in updates:
        w -= lr * u  # 原地：写进调用者的张量


apply_updates(weights, updates)
print(weights)
