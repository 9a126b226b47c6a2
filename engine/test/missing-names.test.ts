// A PyTorch name Torchlit's engine lacks raises torch.NotInTorchlitError (an AttributeError)
// saying so, never Python's "has no attribute" nor an error from our internals; a name PyTorch
// lacks keeps PyTorch's plain AttributeError. Every public name of every scope in
// python/torch/_pytorch_names.py is tried, in Pyodide, and that file must be what
// fixtures/gen_pytorch_names.py writes under real PyTorch.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ORACLE, oracleHere, runPythonJson } from "./python-support.ts";

const generator = fileURLToPath(new URL("../fixtures/gen_pytorch_names.py", import.meta.url));
const committed = new URL("../python/torch/_pytorch_names.py", import.meta.url);

describe("PyTorch's names that Torchlit lacks", () => {
  it.skipIf(!oracleHere() && process.env.CI !== "true")(
    "the committed name list is what gen_pytorch_names.py writes under PyTorch",
    () => {
      const run = spawnSync(ORACLE, [generator, "--print"], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(committed, "utf8")).toBe(run.stdout);
    },
  );

  it("raise NotInTorchlitError naming them, in every scope, and only for them", async () => {
    const { problems, counts } = await runPythonJson<{
      problems: string[];
      counts: Record<string, [number, number]>;
    }>(`
import importlib
import json
import warnings

import torch
from torch._pytorch_names import NAMES

warnings.simplefilter("ignore")
problems, counts = [], {}
for scope, names in NAMES.items():
    # A matrix: mT, mH and H refuse a vector, as in PyTorch.
    obj = torch.ones(2, 2) if scope == "torch.Tensor" else importlib.import_module(scope)
    have = 0
    for n in sorted(names):
        try:
            getattr(obj, n)
            have += 1
        except torch.NotInTorchlitError as e:
            want = f"{scope}.{n} is part of PyTorch, but Torchlit's engine does not have it yet"
            if str(e) != want or hasattr(obj, n) or not isinstance(e, AttributeError):
                problems.append(f"{scope}.{n}: {e!r}")
        except Exception as e:  # an attribute we have whose getter raises: PyTorch's error?
            problems.append(f"{scope}.{n} raised {type(e).__name__}: {e}")
    counts[scope] = [have, len(names)]
for scope, plain in (("torch", "module 'torch' has no attribute 'zeroes'"),
                     ("torch.Tensor", "'Tensor' object has no attribute 'medain'")):
    obj = torch.ones(2) if scope == "torch.Tensor" else torch
    try:
        getattr(obj, plain.split("'")[-2])
    except torch.NotInTorchlitError as e:
        problems.append(f"not a PyTorch name, yet: {e}")
    except AttributeError as e:
        if str(e) != plain:
            problems.append(f"plain AttributeError text: {e}")
print(json.dumps({"problems": problems, "counts": counts}))
`);
    expect(problems).toEqual([]);
    const table = Object.entries(counts).map(([s, [have, all]]) => `${s} ${have}/${all}`);
    console.info(`PyTorch 1.13 names Torchlit has: ${table.join(", ")}`);
    // Each scope has both kinds of name: a check that cannot pass by raising for everything.
    for (const [scope, [have, all]] of Object.entries(counts)) {
      expect(have, scope).toBeGreaterThan(0);
      expect(have, scope).toBeLessThan(all);
    }
  }, 60_000);
});
