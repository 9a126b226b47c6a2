def apply_updates(w, updates, lr=0.5):
    # Subtracts lr * u from w for every u in updates, changing w in place.
    for u in updates:
        w -= lr * u  # in place: writes into the caller's tensor


apply_updates(weights, updates)
print(weights)
