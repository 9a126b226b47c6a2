def apply_updates(w, updates, lr=0.5):
    # Subtracts lr * u from w for every u in updates, changing w in place.
    for u in updates:
        w = w - lr * u


apply_updates(weights, updates)
print(weights)  # meant to be [0.5, 1.0, 1.5]
