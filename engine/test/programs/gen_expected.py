# Writes each program's expected output from real PyTorch (Debian's python3-torch 1.13).
# Run with /usr/bin/python3: <name>.expected gets the program's stdout; a program that ends in an
# uncaught exception also gets <name>.expected-error with the final `Type: message` line.
import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).resolve().parent
for program in sorted(here.glob("*.py")):
    if program.name == pathlib.Path(__file__).name:
        continue
    run = subprocess.run([sys.executable, program.name], cwd=here, capture_output=True, text=True)
    program.with_suffix(".expected").write_text(run.stdout)
    error_file = program.with_suffix(".expected-error")
    if run.returncode != 0:
        error_file.write_text(run.stderr.strip().splitlines()[-1] + "\n")
    elif error_file.exists():
        error_file.unlink()
    print(f"{program.name}: exit {run.returncode}")
