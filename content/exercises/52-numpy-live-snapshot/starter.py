live = ...      # always shows the current readings, without copying
snapshot = ...  # keeps the values readings has now, whatever happens later

readings[:] = [22.0, 22.5, 23.0]  # the next reading arrives
print(live)
print(snapshot)
