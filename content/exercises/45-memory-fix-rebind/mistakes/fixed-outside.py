# expect: mem-function-not-inplace
def apply_updates(w, updates, lr=0.5):
    for u in updates:
        w = w - lr * u


for u in updates:
    weights -= 0.5 * u
print(weights)
