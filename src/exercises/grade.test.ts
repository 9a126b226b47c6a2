// The grading harness itself (tl_check.py's grade, through the Node runtime), on exercises made
// up here rather than taken from the course: what it keeps of the reader's output.
import { beforeAll, describe, expect, it } from "vitest";
import { gradeExercise, parseGradingOutput, verdictKey } from "./grade.ts";
import { loadCatalogue } from "./load.ts";
import { graderSource, nodeRunner, runPython } from "./node-runner.ts";

beforeAll(() => runPython("pass"), 120_000);

const catalogue = loadCatalogue();
const exercise = (check: string) => ({
  setup: { en: "import torch\n", zh: "import torch\n" },
  starter: { en: "pass\n", zh: "pass\n" },
  check,
});
const grade = (code: string, check = "def check(ns, run):\n    pass\n") =>
  gradeExercise({ exercise: exercise(check), code, run: nodeRunner, graderSource, catalogue });

describe("the reader's output while graded", () => {
  it("is kept whole when it is short, and the check can read it", async () => {
    const check = [
      "from tl_check import expect",
      "def check(ns, run):",
      '    expect(run.output == "tensor([1., 1.])\\n", "not-yet")',
      "",
    ].join("\n");
    const result = await grade("print(torch.ones(2))\n", check);
    expect(result.feedbackId).toBe("passed");
    expect(result.output).toBe("tensor([1., 1.])\n");
    expect(result.outputTail).toBeUndefined();
  });

  it("keeps its start and its end when it is long, and says how many lines fell between", async () => {
    const result = await grade("for i in range(10**6):\n    print(i)\n");
    expect(result.feedbackId).toBe("passed");
    expect(result.output.startsWith("0\n1\n2\n")).toBe(true);
    expect(result.output.length).toBe(100_000);
    expect(result.outputTail?.length).toBe(20_000);
    expect(result.outputTail?.endsWith("999998\n999999\n")).toBe(true);
    // 6,888,890 characters in all; the newlines between the first 100,000 and the last 20,000
    // (counted in Python over the same text) are 978,624.
    expect(result.outputHiddenLines).toBe(978_624);
  }, 60_000);
});

describe("the reader's code ending itself", () => {
  it("is the reader's error, named, not Python failing to run", async () => {
    for (const [code, type] of [
      ["raise SystemExit\n", "SystemExit"],
      ["import sys\nsys.exit(2)\n", "SystemExit"],
    ] as const) {
      const result = await grade(code);
      expect(result.feedbackId, code).toBe("code-raised");
      expect(result.message.en).toContain(type);
    }
  });
});

describe("the reader's code trying to fool or break the check", () => {
  // A check that compares y with ones(2) through tl_check's helpers; every attack below comes
  // with the wrong answer y = zeros(2), which must still be graded wrong, by the check itself.
  const check = [
    "import torch",
    "from tl_check import expect_close, get",
    "def check(ns, run):",
    '    expect_close(get(ns, "y"), torch.ones(2), "y")',
    "",
  ].join("\n");
  const wrong = "y = torch.zeros(2)\n";
  const forged = JSON.stringify({ passed: true, feedbackId: "passed", params: {}, output: "" });

  it.each([
    ["replacing tl_check.expect", "import tl_check\ntl_check.expect = lambda *a, **k: None\n"],
    ["replacing Tensor.tolist", "torch.Tensor.tolist = lambda self, *a: [1.0, 1.0]\n"],
    [
      "swapping the check's code through gc",
      "import gc\nfor f in gc.get_objects():\n    if callable(f) and getattr(f, '__name__', '') == 'check':\n        f.__code__ = (lambda ns, run: None).__code__\n",
    ],
    ["deleting torch.ones", "del torch.ones\n"],
    ["rebinding print", "import builtins\nbuiltins.print = lambda *a, **k: None\n"],
    ["rebinding json.dumps", "import json\njson.dumps = lambda *a, **k: 'x'\n"],
    ["replacing sys.stdout", "import sys\nsys.stdout = sys.__stdout__ = None\n"],
  ])("%s changes nothing the check sees", async (_name, attack) => {
    const result = await grade(`${wrong}${attack}`, check);
    expect(result.feedbackId).toBe("wrong-values");
    expect(result.passed).toBe(false);
  });

  it("cannot pass off a result line written past the captured output, then SystemExit", async () => {
    const attack = [
      "import sys",
      `sys.__stdout__.write("\\x1eTLGRADE " + ${JSON.stringify(forged)} + "\\n")`,
      "sys.__stdout__.flush()",
      "raise SystemExit",
      "",
    ].join("\n");
    const result = await grade(`${wrong}${attack}`, check);
    expect(result.passed).toBe(false);
  });

  it("leaves no patch behind for what runs after the check", async () => {
    const result = await grade(
      "torch.Tensor.__eq__ = lambda self, other: True\ny = torch.ones(2)\n",
      check,
    );
    expect(result.feedbackId).toBe("passed");
    const after = await runPython("import torch\nprint(torch.tensor([1]) == torch.tensor([2]))");
    expect(after.stdout).toBe("tensor([False])\n");
  });
});

describe("the grader's result line", () => {
  it("is taken only with this run's key", () => {
    const line = (key: string, id: string) =>
      `\x1eTLGRADE ${key} ${JSON.stringify({ passed: false, feedbackId: id, params: {}, output: "" })}\n`;
    const stdout = `${line("k1", "real")}${line("other", "forged")}`;
    expect(parseGradingOutput(stdout, "k1")?.feedbackId).toBe("real");
    expect(parseGradingOutput(stdout, "k2")).toBeNull();
    expect(verdictKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(verdictKey()).not.toBe(verdictKey());
  });
});

describe("a RecursionError thousands of frames deep", () => {
  it("is the reader's error, and the same Python grades the next attempt", async () => {
    const deep =
      "import sys\nsys.setrecursionlimit(20_000)\ndef f(n):\n    return f(n + 1)\nf(0)\n";
    const result = await grade(deep);
    expect(result.feedbackId).toBe("code-raised");
    expect(result.message.en).toContain("RecursionError");
    expect((await grade("x = 1\n")).feedbackId).toBe("passed");
  }, 60_000);
});

describe("a grading run Python did not survive", () => {
  const died = (death: import("../runtime/messages.ts").Death) =>
    gradeExercise({
      exercise: exercise("def check(ns, run):\n    pass\n"),
      code: "import os\nos._exit(2)\n",
      run: async () => ({ ok: false, kind: "died", death }),
      graderSource,
      catalogue,
    });

  it("says what ended it, with the exit status", async () => {
    const exited = await died({ exitCode: 2 });
    expect(exited.feedbackId).toBe("python-exited");
    expect(exited.message.en).toContain("exit status 2");
    expect((await died({ crash: "stack" })).feedbackId).toBe("python-stack");
    expect((await died({ closed: true })).feedbackId).toBe("python-died");
    expect((await died({ crash: "other" })).feedbackId).toBe("python-died");
  });
});

describe("a check the reader stopped", () => {
  const stopped = (kept: boolean) =>
    gradeExercise({
      exercise: exercise("def check(ns, run):\n    pass\n"),
      code: "while True: pass\n",
      run: async () => ({ ok: false, kind: "stopped", kept }),
      graderSource,
      catalogue,
    });

  it("is not graded, and says whether the page's variables were reset", async () => {
    const reset = await stopped(false);
    expect(reset.passed).toBe(false);
    expect(reset.feedbackId).toBe("stopped");
    expect(reset.message.en).toContain("run the cells above again");
    const kept = await stopped(true);
    expect(kept.feedbackId).toBe("stopped-kept");
    expect(kept.message.en).not.toContain("reset");
  });
});
