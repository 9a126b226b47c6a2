"""torch.utils.data.DataLoader for num_workers=0. The order of indices comes from the engine's
DataLoader (the draws PyTorch makes per epoch, so shuffling matches for the same seed); items
are fetched from the Python dataset and batched by default_collate, as PyTorch does.
"""

import _torchlit as engine

from ..._bridge import call, options
from ..._tensor import Tensor
from .dataset import TensorDataset


def default_collate(batch):
    from ... import _functions as torch

    elem = batch[0]
    if isinstance(elem, Tensor):
        return torch.stack(batch, 0)
    if hasattr(elem, "_tensor") and type(elem).__name__ == "ndarray":
        return torch.stack([torch.as_tensor(b) for b in batch], 0)
    if isinstance(elem, bool):
        return torch.tensor(batch)
    if isinstance(elem, float):
        from ..._dtype import float64

        return torch.tensor(batch, dtype=float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*(default_collate(samples) for samples in zip(*batch)))
    if isinstance(elem, (tuple, list)):
        if any(len(e) != len(elem) for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(list(samples)) for samples in zip(*batch)]
    raise TypeError(
        "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
        f"found {type(elem)}"
    )


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False, timeout=0,
                 worker_init_fn=None, multiprocessing_context=None, generator=None, *,
                 prefetch_factor=2, persistent_workers=False, pin_memory_device=""):  # fmt: skip
        if sampler is not None or batch_sampler is not None:
            raise NotImplementedError("DataLoader(sampler=..., batch_sampler=...) is not supported in Torchlit yet")
        if batch_size is None:
            raise NotImplementedError("DataLoader(batch_size=None) is not supported in Torchlit yet")
        self.dataset = dataset
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.num_workers = num_workers
        self.generator = generator
        self._shuffle = bool(shuffle)
        self._auto_collate = collate_fn is None
        self.collate_fn = default_collate if collate_fn is None else collate_fn
        source = engine.makeObject()
        source.length = 0
        opts = options(batch_size=batch_size, shuffle=self._shuffle, drop_last=bool(drop_last), generator=generator)
        self._source = source
        self._js = call(engine.DataLoader.new, source, opts)

    def __len__(self):
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)

    def _batches(self):
        self._source.length = len(self.dataset)
        return [list(b) for b in call(self._js.epochIndices).to_py()]

    def __iter__(self):
        batches = self._batches()
        ds = self.dataset
        # TensorDataset's batch is one gather per tensor: the values default_collate would stack.
        fast = (
            self._auto_collate
            and type(ds) is TensorDataset
            and not any(t.requires_grad for t in ds.tensors)
        )
        for batch in batches:
            if fast:
                from ..._functions import tensor

                idx = tensor(batch)
                yield [t.index_select(0, idx) for t in ds.tensors]
            else:
                yield self.collate_fn([ds[i] for i in batch])


DataLoader.__module__ = "torch.utils.data.dataloader"
