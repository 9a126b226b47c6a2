theta = theta0.clone()
steps = 0
# Repeat: compute the gradient; stop if its norm is below tol, or once max_steps steps
# were taken; otherwise update theta and count the step.

print(steps, theta)
