import { describe, expect, it } from "vitest";
import { definesName, missingName } from "./defines-name.ts";

describe("missingName", () => {
  it("reads the name out of a NameError's last line", () => {
    const tb =
      "Traceback (most recent call last):\n  File \"cell-2\", line 1\nNameError: name 'x_grad' is not defined\n";
    expect(missingName(tb)).toBe("x_grad");
  });
  it("is null for other errors and for Python's 'Did you mean' variant's absence", () => {
    expect(missingName("TypeError: 'int' object is not callable")).toBeNull();
    expect(missingName("NameError: name 'y' is not defined. Did you mean: 'x'?")).toBe("y");
  });
});

describe("definesName", () => {
  const defines: [string, string][] = [
    ["x = torch.ones(3)", "x"],
    ["a, x = 1, 2", "x"],
    ["x, b = 1, 2", "x"],
    ["x: int = 3", "x"],
    ["x += 1", "x"],
    ["def loss(w):\n    return w", "loss"],
    ["class Net(nn.Module):\n    pass", "Net"],
    ["import torch", "torch"],
    ["import numpy as np", "np"],
    ["from torch import nn", "nn"],
    ["from torch import nn, optim", "optim"],
    ["for epoch in range(3):\n    pass", "epoch"],
    ["with torch.no_grad() as ctx:\n    pass", "ctx"],
    ["if True:\n    w = 1", "w"],
  ];
  it.each(defines)("%j binds %s", (source, name) => expect(definesName(source, name)).toBe(true));

  const uses: [string, string][] = [
    ["print(x)", "x"],
    ["y = x + 1", "x"],
    ["x == 3", "x"],
    ["xs = [1]", "x"],
    ["import torch.nn", "nn"],
    ["f(x=1)", "x"],
    ["z[x] = 1", "x"],
  ];
  it.each(uses)("%j does not bind %s", (source, name) =>
    expect(definesName(source, name)).toBe(false),
  );
});
