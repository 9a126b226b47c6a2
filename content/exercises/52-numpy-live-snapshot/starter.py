live = ...      # always shows the current readings, without copying
snapshot = ...  # keeps today's values, whatever happens to readings later

readings[:] = [22.0, 22.5, 23.0]  # the next reading arrives
print(live)
print(snapshot)
