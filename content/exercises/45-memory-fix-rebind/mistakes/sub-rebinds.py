# expect: mem-local-rebind
def apply_updates(w, updates, lr=0.5):
    for u in updates:
        w = w.sub(lr * u)


apply_updates(weights, updates)
print(weights)
