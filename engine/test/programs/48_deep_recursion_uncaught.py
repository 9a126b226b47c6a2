# A recursive function without its base case, after raising the recursion limit: Python stops
# it with a RecursionError, and the program after it (here: none) would run on. In the browser
# a traceback this deep must be freed frame by frame, or dropping it overflows the JS stack.
import sys

import torch

sys.setrecursionlimit(20_000)


def total(t, i=0):
    return t[i % 3] + total(t, i + 1)


print(torch.tensor([1.0, 2.0, 3.0]).sum())
print(total(torch.tensor([1.0, 2.0, 3.0])))
