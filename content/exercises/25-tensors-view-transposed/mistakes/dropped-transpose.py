# expect: tensors-view-keeps-order
cols = m.view(6)
print(cols)
