import { describe, expect, it } from "vitest";
import {
  allocationHint,
  death,
  deathText,
  diedMessage,
  seconds,
  stoppedText,
  stopTextsEn,
  timeoutText,
} from "./messages.ts";

describe("how the worker ended", () => {
  it("tells an exit, a stack overflow, another crash and a closed worker apart", () => {
    expect(death(3, null)).toEqual({ exitCode: 3 });
    expect(death(null, "RangeError: Maximum call stack size exceeded")).toEqual({ crash: "stack" });
    expect(death(null, "Error: Pyodide already fatally failed")).toEqual({ crash: "other" });
    expect(death(null, null)).toEqual({ closed: true });
  });

  it("names the cause, never an endless loop", () => {
    const texts = [
      diedMessage({ exitCode: 3 }),
      diedMessage({ crash: "stack" }),
      diedMessage({ closed: true }),
    ];
    expect(texts[0]).toContain("exit status 3");
    expect(texts[1]).toContain("sys.setrecursionlimit()");
    expect(texts[2]).toContain("js.close()");
    for (const text of texts) {
      expect(text).not.toContain("endless loop");
      expect(text).toContain("variables were reset");
    }
  });

  it("picks the page's own string for each", () => {
    const t = { exited: "E{code}", crashedStack: "S", crashed: "C", died: "D" };
    expect(deathText(t, { exitCode: 4 })).toBe("E4");
    expect(deathText(t, { crash: "stack" })).toBe("S");
    expect(deathText(t, { crash: "other" })).toBe("C");
    expect(deathText(t, { closed: true })).toBe("D");
  });
});

describe("allocationHint", () => {
  it("blames the tensor only when a tensor's buffer failed", () => {
    expect(allocationHint("RangeError", "Array buffer allocation failed", 2 ** 30)).toContain(
      "for this tensor",
    );
    const python = allocationHint("MemoryError", "", 2 ** 30);
    expect(python).toContain("for Python");
    expect(python).not.toContain("tensor");
  });

  it("states the page's per-tensor limit for a refused allocation", () => {
    const hint = allocationHint(
      "RuntimeError",
      "can't allocate memory: you tried to allocate 40000000000 bytes",
      2 ** 30,
    );
    expect(hint).toBe(
      "This page allows at most 1 GiB per tensor and this one needs 37.3 GiB: use smaller shapes.",
    );
  });

  it("states the page's total budgets for a refusal at a budget", () => {
    const cpu = allocationHint(
      "RuntimeError",
      "[enforce fail at alloc_cpu.cpp:75] . DefaultCPUAllocator: can't allocate memory: you tried to allocate 16777216 bytes. Error code 12 (Cannot allocate memory). Torchlit's budget for CPU tensors in this page is 2147483648 bytes (2.00 GiB) and live tensors hold 2139095040 bytes (1.99 GiB)",
      2 ** 30,
    );
    expect(cpu).toBe(
      "This page holds at most 2 GiB of CPU tensors at once, and tensors still referenced hold 2 GiB: del the ones you no longer need, or use smaller shapes.",
    );
    const gpu = allocationHint(
      "OutOfMemoryError",
      "CUDA out of memory. Tried to allocate 256.00 MiB (GPU 0; 2.00 GiB budget in this page; 1.88 GiB already allocated; 128.00 MiB free; 1.88 GiB reserved in total by Torchlit)",
      2 ** 30,
    );
    expect(gpu).toBe(
      "This page lets the GPU hold at most 2.00 GiB of tensors: del the ones you no longer need, or use smaller shapes.",
    );
  });
});

describe("a stopped run's words", () => {
  it("name what the run was doing when the limit stopped it", () => {
    const sleeping = timeoutText(stopTextsEn, 60_000, { what: "sleeping", seconds: 100 }, false);
    expect(sleeping).toBe(
      "Stopped after 60 s, the limit for one run here: it was inside time.sleep(100). Python was restarted, so this page's variables were reset; run the cells above again.",
    );
    const printing = timeoutText(stopTextsEn, 60_000, { what: "printing" }, false);
    expect(printing).toContain("still working and printing");
    expect(printing).not.toContain("endless loop");
    const silent = timeoutText(stopTextsEn, 10_000, { what: "silent", quietMs: 9_600 }, true);
    expect(silent).toContain("printed nothing for 9.6 s (an endless loop?)");
    expect(silent).toContain("KeyboardInterrupt, so variables are kept");
  });

  it("say whether the reader's Stop reset the variables, or came before the run", () => {
    expect(stoppedText(stopTextsEn, false)).toContain("variables were reset");
    expect(stoppedText(stopTextsEn, true)).toContain("variables are kept");
    expect(stoppedText(stopTextsEn, false, true)).toBe("Stopped before it ran.");
  });

  it("print seconds whole, or to a tenth below ten", () => {
    expect([seconds(60_000), seconds(12_345), seconds(1_500), seconds(2_000)]).toEqual([
      "60",
      "12",
      "1.5",
      "2",
    ]);
  });
});
