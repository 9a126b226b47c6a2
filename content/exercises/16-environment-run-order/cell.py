# [1] the first cell on the page
w = torch.tensor([1.0, 2.0, 3.0])
# [2] the third cell on the page
w = w * 10
# [3] the second cell on the page
w = w + 1
# [4] the last cell on the page
print(w.tolist())
