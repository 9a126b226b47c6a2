# expect: mem-caller-rebound
def apply_updates(w, updates, lr=0.5):
    for u in updates:
        w = w - lr * u
    return w


weights = apply_updates(weights, updates)
print(weights)
