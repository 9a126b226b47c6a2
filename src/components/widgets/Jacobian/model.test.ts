// The figure's model against PyTorch 1.13 (fixture.json, from gen_fixture.py): for every
// function, point and cotangent, the code it shows and what PyTorch printed for y, J (from
// torch.autograd.functional.jacobian), v @ J, x.grad after y.backward(v) and the two rows; and
// the lesson's tags start from fixture cases.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATE,
  evaluate,
  type FixtureCase,
  FN_NAMES,
  FUNCTIONS,
  snap,
  validState,
} from "./model.ts";

const fixture = JSON.parse(readFileSync(new URL("fixture.json", import.meta.url), "utf8")) as {
  functions: Record<string, string>;
  cases: FixtureCase[];
};

const name = (c: FixtureCase) => `${c.fn} x=(${c.x.join(", ")}) v=(${c.v.join(", ")})`;
const key = (s: { fn: string; x: number[]; v: number[] }) => JSON.stringify([s.fn, s.x, s.v]);

describe("jacobian model (fixture.json)", () => {
  it("shows each function's code as PyTorch ran it", () => {
    expect(Object.keys(fixture.functions)).toEqual(FN_NAMES);
    for (const fn of FN_NAMES) expect(FUNCTIONS[fn].code).toBe(fixture.functions[fn]);
  });

  it.each(fixture.cases.map((c) => [name(c), c] as const))("%s", (_, c) => {
    const out = evaluate({ fn: c.fn, x: c.x, v: c.v });
    expect(out).toMatchObject({ y: c.y, J: c.J, vJ: c.vJ, grad: c.grad, rows: c.rows });
    expect(out.equal).toBe(c.vJ === c.grad);
  });

  it("draws J's columns from f(x) and the grid as f of the grid points", () => {
    const out = evaluate({ fn: "linear", x: [1, 0.5], v: [0.5, 1] });
    expect(out.fx).toEqual([1.75, 0]);
    expect(out.columns).toEqual([
      [1.5, -0.5],
      [0.5, 1],
    ]);
    // The middle of the first line along x0 is the point x itself, mapped to f(x).
    const line = out.gridOut[4] as [number, number][];
    expect(line[8]).toEqual(out.fx);
  });

  it("snaps to its grid and refuses states off it", () => {
    expect([snap(0.3), snap(-0.13), snap(5), snap(-0.1)]).toEqual([0.25, -0.25, 2, 0]);
    expect(validState({ fn: "linear", x: [0.3, 0], v: [1, 0] })).toBe(false);
    expect(validState({ fn: "linear", x: [3, 0], v: [1, 0] })).toBe(false);
  });
});

describe("the lesson's jacobian figures", () => {
  const docs = new URL("../../../../content/docs/", import.meta.url);
  const tags = ["en", "zh-cn"].flatMap(
    (locale) =>
      readFileSync(new URL(`${locale}/jacobian.mdx`, docs), "utf8").match(/<Jacobian\b[^>]*\/>/g) ??
      [],
  );
  const known = new Set(fixture.cases.map(key));

  it("start only from states the fixture checks against PyTorch", () => {
    expect(tags.length).toBe(2);
    for (const tag of tags) {
      const fn = /fn="(\w+)"/.exec(tag)?.[1] ?? DEFAULT_STATE.fn;
      const pairProp = (prop: string, fallback: number[]) => {
        const m = new RegExp(`${prop}=\\{(\\[[^\\]]*\\])\\}`).exec(tag);
        return m ? (JSON.parse(m[1] as string) as number[]) : fallback;
      };
      const first = { fn, x: pairProp("x", DEFAULT_STATE.x), v: pairProp("v", DEFAULT_STATE.v) };
      expect(known.has(key(first)), tag).toBe(true);
    }
  });
});
