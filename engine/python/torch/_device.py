"""torch.device: 'cpu' or 'cuda' (the reader's GPU through WebGPU; 'webgpu' is an alias)."""


class device:
    __slots__ = ("type", "index")

    def __init__(self, type, index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        if ":" in type:
            type, _, idx = type.partition(":")
            index = int(idx)
        if type == "webgpu":
            type = "cuda"
        if type not in ("cpu", "cuda"):
            raise RuntimeError(
                "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, "
                "ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone device type at start of "
                "device string: " + type
            )
        self.type = type
        self.index = index

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


# Where factories without device= put tensors. PyTorch 1.13 has no torch.set_default_device;
# `torchlit run --device cuda` sets this through torch._set_default_device.
_default_type = "cpu"


def _set_default_device(d):
    global _default_type
    _default_type = engine_type(d)


def engine_type(d, default=True):
    """The engine's name ("cpu" or "cuda") for a device argument, starting WebGPU on first use.

    None means the default device (or, with default=False, None: the engine then keeps the
    input's device, as the *_like factories do).
    """
    if d is None:
        if not default:
            return None
        d = _default_type
    t = device(d).type
    if t == "cuda":
        from . import cuda

        cuda._lazy_init()
    return t
