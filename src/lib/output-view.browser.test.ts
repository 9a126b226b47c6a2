// OutputView in a real page (Vitest browser mode): what a box shows of head, hidden count and tail.
import { describe, expect, it } from "vitest";
import { OutputLimiter } from "../runtime/output-limit.ts";
import { OutputView } from "./output-view.ts";

function view() {
  const box = document.createElement("pre");
  document.body.append(box);
  let draws = 0;
  const v = new OutputView(box, {
    className: (stream) => `s-${stream}`,
    hiddenText: (n) => `[${n} hidden]`,
    onDraw: () => draws++,
  });
  return { box, v, draws: () => draws };
}

describe("OutputView", () => {
  it("draws pending updates once a frame, or at once on flush", async () => {
    const { box, v, draws } = view();
    v.add({ append: [{ stream: "stdout", text: "a\n" }], hiddenLines: 0, hiddenChars: 0 });
    v.add({ append: [{ stream: "stdout", text: "b\n" }], hiddenLines: 0, hiddenChars: 0 });
    expect(box.textContent).toBe("");
    await new Promise((r) => requestAnimationFrame(r));
    expect(box.textContent).toBe("a\nb\n");
    expect(draws()).toBe(1);
    v.add({ append: [{ stream: "stderr", text: "E" }], hiddenLines: 0, hiddenChars: 0 });
    v.flush();
    expect([...box.children].map((c) => c.className)).toEqual(["s-stdout", "s-stderr"]);
  });

  it("shows the head, one line counting what was left out, and the latest tail", () => {
    const { box, v } = view();
    const limiter = new OutputLimiter({ headChars: 4, tailChars: 4 });
    for (let i = 0; i < 10; i++) {
      limiter.write("stdout", `${i}\n`);
      const update = limiter.take();
      if (update) v.add(update);
    }
    v.flush();
    expect(box.textContent).toBe("0\n1\n[6 hidden]\n8\n9\n");
    expect(
      box.querySelector('[data-role="output-hidden"]')?.getAttribute("data-hidden-lines"),
    ).toBe("6");
    v.appendLocal("done\n", "note");
    expect(box.lastElementChild?.className).toBe("note");
    expect(v.text("stdout")).toBe("0\n1\n8\n9\n");
  });

  it("redraws a streaming tail at most five times a second, and at once on flush", async () => {
    const { box, v } = view();
    const limiter = new OutputLimiter({ headChars: 4, tailChars: 4 });
    const tailText = () => box.querySelector('[data-role="output-tail"]')?.lastChild?.textContent;
    let i = 0;
    const print = () => {
      limiter.write("stdout", `${i++ % 10}\n`);
      const update = limiter.take();
      if (update) v.add(update);
    };
    for (let k = 0; k < 5; k++) print();
    v.flush();
    expect(tailText()).toBe("3\n4\n");
    // Printing on every frame for 100 ms: the tail drawn at the flush stays until 200 ms passed.
    const start = performance.now();
    while (performance.now() - start < 100) {
      print();
      await new Promise((r) => requestAnimationFrame(r));
    }
    expect(tailText()).toBe("3\n4\n");
    await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => requestAnimationFrame(r));
    expect(tailText()).not.toBe("3\n4\n");
    print();
    v.flush();
    expect(tailText()).toBe(`${(i - 2) % 10}\n${(i - 1) % 10}\n`);
  });
});
