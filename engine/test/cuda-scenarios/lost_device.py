# The GPU device is lost mid-program (as a driver reset would do; _torchlit.cuda.loseDevice is
# the engine's test hook). Nothing hangs, nothing comes back silently on the CPU: GPU work raises
# a clear error, is_available() turns False, and the program's CPU work carries on.
import _torchlit
from pyodide.ffi import run_sync

import torch

x = torch.ones(3, device="cuda")
print(torch.cuda.is_available(), (x * 2).sum().item())
run_sync(_torchlit.cuda.loseDevice())
print(torch.cuda.is_available())
for attempt in (lambda: print(x), lambda: x + 1, lambda: torch.zeros(2, device="cuda"),
                lambda: torch.ones(2).cuda(), lambda: torch.cuda.get_device_name()):
    try:
        attempt()
        print("no error")
    except RuntimeError as e:
        print("RuntimeError:", e)
print(torch.ones(2, 2).sum().item())
