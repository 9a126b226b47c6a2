# Writes each cuda program's expected output from real PyTorch (Debian's python3-torch 1.13),
# which has no CUDA here. So the program runs on the CPU after an honest textual translation:
#   torch.cuda.is_available() -> True,  "cuda" / 'cuda' -> "cpu",  .cuda() -> .cpu()
# and <name>.expected holds that CPU run's stdout. The test (programs-cuda.test.ts) maps
# torchlit's GPU output the other way before comparing: ", device='cuda:0'" is dropped and
# "cuda:0" becomes "cpu"; numbers match within float32 tolerance (the GPU rounds differently).
# It separately asserts that the raw output says device='cuda:0' and that kernels ran.
# Run with /usr/bin/python3.
import pathlib
import re
import subprocess
import sys

here = pathlib.Path(__file__).resolve().parent


def to_cpu(source):
    source = source.replace("torch.cuda.is_available()", "True")
    source = re.sub(r"""(["'])cuda\1""", r"\1cpu\1", source)
    return source.replace(".cuda()", ".cpu()")


for program in sorted(here.glob("*.py")):
    if program.name == pathlib.Path(__file__).name:
        continue
    code = to_cpu(program.read_text())
    run = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{program.name} failed on PyTorch:\n{run.stderr}")
    program.with_suffix(".expected").write_text(run.stdout)
    print(f"{program.name}: ok")
