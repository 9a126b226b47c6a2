# expect: tensors-view-keeps-order
cols = m.view(3, 2).view(6)
print(cols)
