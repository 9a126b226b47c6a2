import { describe, expect, it } from "vitest";
import { OutputCollector, OutputLimiter } from "./output-limit.ts";

const bounds = { headChars: 10, tailChars: 6 };

describe("OutputLimiter", () => {
  it("passes output through unchanged while it fits in the head", () => {
    const limiter = new OutputLimiter(bounds);
    limiter.write("stdout", "abc\n");
    limiter.write("stderr", "E\n");
    limiter.write("stdout", "d");
    expect(limiter.take()).toEqual({
      append: [
        { stream: "stdout", text: "abc\n" },
        { stream: "stderr", text: "E\n" },
        { stream: "stdout", text: "d" },
      ],
      hiddenLines: 0,
      hiddenChars: 0,
    });
    expect(limiter.truncated).toBe(false);
    expect(limiter.take()).toBeNull();
  });

  it("keeps the head and the latest tail, and counts the lines between", () => {
    const limiter = new OutputLimiter(bounds);
    for (let i = 0; i < 100; i++) limiter.write("stdout", `${i % 10}\n`);
    const update = limiter.take();
    // 200 characters written: 10 in the head ("0\n".."4\n"), the last 6 in the tail.
    expect(update?.append).toEqual([{ stream: "stdout", text: "0\n1\n2\n3\n4\n" }]);
    expect(update?.tail).toEqual([{ stream: "stdout", text: "7\n8\n9\n" }]);
    expect(update?.hiddenChars).toBe(200 - 10 - 6);
    expect(update?.hiddenLines).toBe(92);
    expect(limiter.truncated).toBe(true);
  });

  it("reports only what changed since the last take, and the tail whole when it moved", () => {
    const limiter = new OutputLimiter(bounds);
    limiter.write("stdout", "0123456789");
    expect(limiter.take()?.tail).toBeUndefined();
    limiter.write("stdout", "ab");
    limiter.write("stderr", "XY");
    expect(limiter.take()).toEqual({
      append: [],
      tail: [
        { stream: "stdout", text: "ab" },
        { stream: "stderr", text: "XY" },
      ],
      hiddenLines: 0,
      hiddenChars: 0,
    });
    limiter.write("stderr", "Z\nW\n");
    expect(limiter.take()?.tail).toEqual([{ stream: "stderr", text: "XYZ\nW\n" }]);
  });

  it("takes one write larger than both bounds without keeping it", () => {
    const limiter = new OutputLimiter(bounds);
    limiter.write("stdout", `${"x\n".repeat(1_000_000)}end\n`);
    const update = limiter.take();
    expect(update?.append[0]?.text).toHaveLength(10);
    expect(update?.tail).toEqual([{ stream: "stdout", text: "x\nend\n" }]);
    expect(update?.hiddenChars).toBe(2_000_004 - 16);
    expect(JSON.stringify(update).length).toBeLessThan(300);
  });
});

describe("OutputCollector", () => {
  it("folds updates into each stream's text, head then tail", () => {
    const limiter = new OutputLimiter(bounds);
    const collected = new OutputCollector();
    limiter.write("stdout", "head:");
    collected.add(limiter.take() ?? { append: [], hiddenLines: 0, hiddenChars: 0 });
    limiter.write("stderr", "oops\n");
    for (let i = 0; i < 50; i++) limiter.write("stdout", "line\n");
    limiter.write("stdout", "last\n");
    collected.add(limiter.take() ?? { append: [], hiddenLines: 0, hiddenChars: 0 });
    expect(collected.truncated).toBe(true);
    // The tail is the last 6 characters: the 50th line's newline, then "last\n".
    expect(collected.text("stdout")).toBe("head:\nlast\n");
    expect(collected.text("stderr")).toBe("oops\n");
    expect(collected.hiddenLines).toBe(49);
  });
});
