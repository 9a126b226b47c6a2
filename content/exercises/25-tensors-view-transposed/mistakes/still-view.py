# expect: tensors-view-needs-contiguous
cols = m.t().view(-1)
print(cols)
