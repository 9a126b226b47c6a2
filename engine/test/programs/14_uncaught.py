# An uncaught error: output before it is printed, then the traceback goes to stderr.
import torch

def shape_mismatch():
    return torch.ones(2, 3) + torch.ones(3, 2)

print("before")
shape_mismatch()
print("never")
