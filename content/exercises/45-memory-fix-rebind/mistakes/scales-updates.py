# expect: mem-updates-changed
def apply_updates(w, updates, lr=0.5):
    for u in updates:
        u *= lr
        w -= u


apply_updates(weights, updates)
print(weights)
