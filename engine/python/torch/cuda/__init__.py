"""torch.cuda: the reader's GPU through WebGPU (the engine's "cuda" device).

WebGPU starts on first use (is_available(), or a tensor put on "cuda"), waiting on the engine
through JSPI; CPU-only programs never start it. _unavailable_reason says why CUDA is not
available (for the GPU lesson); it is None until is_available() has been asked, or when it is.
"""

import _torchlit as engine

from .. import _bridge
from .._bridge import call
from pyodide.ffi import can_run_sync



class OutOfMemoryError(RuntimeError):
    """Raised when the GPU cannot hold a tensor (PyTorch's torch.cuda.OutOfMemoryError)."""


_unavailable_reason = None
_status = None  # the engine's GpuStatus once WebGPU was tried


def _lazy_init():
    """Starts WebGPU once; returns whether a GPU is there. Never raises for a missing GPU."""
    global _status, _unavailable_reason
    if _status is None:
        settled = engine.cuda.settled()
        if settled is None:
            if not can_run_sync():
                _unavailable_reason = (
                    "WebAssembly JSPI (JavaScript Promise Integration) is not available here, "
                    "so Python cannot wait for the GPU"
                )
                return False
            settled = _bridge.wait(engine.cuda.init)
        _status = settled
    if not _status.available:
        reason = _status.reason
        _unavailable_reason = str(reason) if reason else "WebGPU is not available"
        return False
    _unavailable_reason = None
    return True


def is_available():
    return _lazy_init()


def is_initialized():
    return _status is not None and _status.available


def _require():
    if not _lazy_init():
        if _status is not None and _status.backend:
            # It started, then the device was lost (a driver reset, or out of memory).
            raise RuntimeError(f"CUDA error: {_unavailable_reason}")
        raise RuntimeError(
            "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and "
            "installed a driver from http://www.nvidia.com/Download/index.aspx"
        )


def device_count():
    return 1 if _lazy_init() else 0


def current_device():
    _require()
    return 0


def _check_index(device):
    if device is None:
        return
    from .._device import device as _device

    d = _device(device) if not isinstance(device, int) else _device("cuda", device)
    if d.type != "cuda":
        raise ValueError(f"Expected a cuda device, but got: {d}")
    if d.index not in (None, 0):
        raise AssertionError("Invalid device id")


def get_device_name(device=None):
    _require()
    _check_index(device)
    return str(call(engine.cuda.name))


def memory_allocated(device=None):
    _check_index(device)
    return int(call(engine.cuda.memoryAllocated)) if is_initialized() else 0


def memory_reserved(device=None):
    _check_index(device)
    return int(call(engine.cuda.memoryReserved)) if is_initialized() else 0


def max_memory_allocated(device=None):
    _check_index(device)
    return int(call(engine.cuda.maxMemoryAllocated)) if is_initialized() else 0


def reset_peak_memory_stats(device=None):
    _require()
    _check_index(device)
    call(engine.cuda.resetPeakMemoryStats)


def set_device(device):
    """Only GPU 0 exists (the page's WebGPU adapter)."""
    _check_index(device if not isinstance(device, int) or device >= 0 else None)


# Seeding the CUDA generator. Torchlit's GPU tensors draw their random numbers from the CPU
# generator (so they match PyTorch's CPU results), so these change nothing; they exist so that
# the usual seeding lines run unchanged. Seed the CPU generator with torch.manual_seed().
def manual_seed(seed):
    int(seed)


def manual_seed_all(seed):
    int(seed)


def seed():
    pass


def seed_all():
    pass


def empty_cache():
    if is_initialized():
        call(engine.cuda.emptyCache)


def synchronize(device=None):
    _require()
    _check_index(device)
    _bridge.wait(engine.cuda.synchronize)


def _dispatches():
    """WGSL kernels dispatched so far (tests check that work really ran on the GPU)."""
    return int(call(engine.cuda.dispatches)) if is_initialized() else 0
