// The figure's model against PyTorch 1.13 (fixture.json, from gen_fixture.py): for every
// surface and setting, the program it shows is the one PyTorch ran, the lines it prints are
// PyTorch's, and each method's p after every step and its full-data loss equal PyTorch's
// float32 values; and the lessons' tags start from fixture cases.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  evaluate,
  type FixtureCase,
  lossGrid,
  METHODS,
  type Settings,
  type SurfaceName,
  validSettings,
} from "./model.ts";

type Num = number | string;

const fixture = JSON.parse(readFileSync(new URL("fixture.json", import.meta.url), "utf8")) as {
  cases: FixtureCase[];
};

/** JSON's spelling of a float32 value: a number, or "inf", "-inf", "nan" as Python writes them. */
const spell = (v: number): Num =>
  Number.isNaN(v) ? "nan" : v === Infinity ? "inf" : v === -Infinity ? "-inf" : v;

const settingsOf = (c: FixtureCase): Settings => ({
  surface: c.surface,
  lr: c.lr,
  batchSize: c.batchSize,
  momentum: c.momentum,
  steps: c.steps,
});
const name = (c: Settings) =>
  `${c.surface} lr=${c.lr} B=${c.batchSize} momentum=${c.momentum} steps=${c.steps}`;

describe("gradient-descent model (fixture.json)", () => {
  it.each(fixture.cases.map((c) => [name(c), c] as const))("%s", (_, c) => {
    const out = evaluate(settingsOf(c));
    expect(out.code).toBe(c.code);
    expect(out.runs.map((r) => r.printed)).toEqual(c.printed);
    for (const r of out.runs) {
      const want = c.runs[r.method];
      expect(
        r.path.map((p) => p.map(spell)),
        r.method,
      ).toEqual(want.path);
      expect(r.loss.map(spell), r.method).toEqual(want.loss);
    }
  });

  it("covers every surface and method, and a run that diverges on each surface", () => {
    const surfaces = new Set(fixture.cases.map((c) => c.surface));
    expect([...surfaces].sort()).toEqual(["bowl", "regression", "wells"]);
    for (const s of surfaces) {
      const diverging = fixture.cases.filter(
        (c) =>
          c.surface === s &&
          METHODS.some((m) =>
            c.runs[m].path.some((p) => p.some((v) => typeof v === "string" || Math.abs(v) > 100)),
          ),
      );
      expect(diverging.length, s).toBeGreaterThan(0);
    }
  });

  it("evaluates the contours' loss on a grid with the same loss_fn", () => {
    const c = fixture.cases.find((c) => c.surface === "regression") as FixtureCase;
    // The grid's corner (min w, min b) = (-3, -3); the path's loss at its start is loss_fn there
    // too, so both ways of calling loss_fn agree where they meet: at the grid point of the start.
    const g = lossGrid("regression", 9, 9);
    expect(g.values).toHaveLength(81);
    // start (-2, -2) is grid point (1, 1) on a 9 × 9 grid over [-3, 5]².
    expect(g.values[1 * 9 + 1]).toBeCloseTo(c.runs.batch.loss[0] as number, 4);
  });

  it("refuses settings outside its controls", () => {
    expect(validSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(validSettings({ ...DEFAULT_SETTINGS, batchSize: 3 })).toBe(false);
    expect(validSettings({ ...DEFAULT_SETTINGS, steps: 101 })).toBe(false);
    expect(validSettings({ ...DEFAULT_SETTINGS, lr: 0 })).toBe(false);
    expect(validSettings({ ...DEFAULT_SETTINGS, momentum: 1 })).toBe(false);
  });
});

describe("the lessons' gradient-descent figures", () => {
  const docs = new URL("../../../../content/docs/", import.meta.url);
  const tags = ["en", "zh-cn"].flatMap((locale) =>
    ["gradient-descent", "linear-regression"].flatMap(
      (lesson) =>
        readFileSync(new URL(`${locale}/${lesson}.mdx`, docs), "utf8").match(
          /<GradientDescent\b[^>]*\/>/g,
        ) ?? [],
    ),
  );
  const known = new Set(fixture.cases.map((c) => name(c)));

  it("start only from settings the fixture checks against PyTorch", () => {
    expect(tags.length).toBe(4);
    for (const tag of tags) {
      const str = (prop: string) => new RegExp(`${prop}="([\\w-]+)"`).exec(tag)?.[1];
      const n = (prop: string) => {
        const m = new RegExp(`${prop}=\\{([\\d.]+)\\}`).exec(tag);
        return m ? Number(m[1]) : undefined;
      };
      const first: Settings = {
        surface: (str("surface") as SurfaceName | undefined) ?? DEFAULT_SETTINGS.surface,
        lr: n("lr") ?? DEFAULT_SETTINGS.lr,
        batchSize: n("batchSize") ?? DEFAULT_SETTINGS.batchSize,
        momentum: n("momentum") ?? DEFAULT_SETTINGS.momentum,
        steps: n("steps") ?? DEFAULT_SETTINGS.steps,
      };
      expect(known.has(name(first)), tag).toBe(true);
    }
  });
});
