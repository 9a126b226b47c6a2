# A Dataset subclass with __getitem__/__len__ batched by DataLoader's default collate.
import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        x = torch.tensor([float(i)])
        return x, x**2, i


ds = Squares(10)
print(len(ds), ds[3])
for xb, yb, ib in DataLoader(ds, batch_size=4):
    print(xb.shape, yb.flatten(), ib)
torch.manual_seed(1)
loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)
print(len(loader))
for epoch in range(2):
    print([batch[2].tolist() for batch in loader])


class Pairs(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return {"value": i * 0.5, "label": i % 2}


for batch in DataLoader(Pairs(), batch_size=2):
    print(batch)
g = torch.Generator().manual_seed(3)
print([b[2].tolist() for b in DataLoader(ds, batch_size=5, shuffle=True, generator=g)])
