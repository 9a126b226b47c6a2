"""torch.cuda: the reader's GPU through WebGPU. Not wired to the WebGPU backend yet (issue 4)."""


def is_available():
    return False


def device_count():
    return 0
