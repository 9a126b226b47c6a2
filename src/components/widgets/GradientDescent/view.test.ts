// The figure's notes under the plot: a run that leaves the plot is called divergent only when
// its loss ends higher than it began (a large step can overshoot the edge and still come down),
// and an overflowed loss is named as such. The runs are the engine's (model.ts).
import { describe, expect, it } from "vitest";
import { ui } from "../../../i18n/strings.ts";
import { evaluate, type Settings } from "./model.ts";
import { note } from "./view.ts";

const t = ui("en").widgets.gradientDescent;
const notes = (s: Settings) => {
  const o = evaluate(s);
  return Object.fromEntries(o.runs.map((r) => [r.method, note(r, o, t)]));
};

describe("gradient-descent notes", () => {
  it("says a run that went past the edge but came down still descended", () => {
    const n = notes({ surface: "regression", lr: 0.9, batchSize: 8, momentum: 0, steps: 30 });
    expect(n.batch).toContain("still descended");
    expect(n.batch).not.toContain("too large");
  });

  it("calls a run that left the plot and ended higher divergent", () => {
    const n = notes({ surface: "bowl", lr: 0.45, batchSize: 8, momentum: 0, steps: 30 });
    for (const m of ["batch", "mini-batch", "stochastic"])
      expect(n[m]).toMatch(/left the plot at step \d+, .* rose from .* too large/);
  });

  it("says nothing about a run that stays on the plot", () => {
    const n = notes({ surface: "bowl", lr: 0.1, batchSize: 8, momentum: 0, steps: 30 });
    expect(Object.values(n)).toEqual(["", "", ""]);
  });

  it("names an overflowed loss", () => {
    const n = notes({ surface: "bowl", lr: 2, batchSize: 8, momentum: 0, steps: 30 });
    expect(n.batch).toContain("overflowed float32");
  });
});
