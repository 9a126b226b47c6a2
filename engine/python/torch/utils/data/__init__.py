"""torch.utils.data: Dataset, TensorDataset, DataLoader (num_workers=0) and default_collate."""

from .dataloader import DataLoader, default_collate
from .dataset import Dataset, Subset, TensorDataset, random_split
