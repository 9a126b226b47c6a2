import { describe, expect, it } from "vitest";
import { type Entry, lessonEvents, type TocItem, withExercises } from "./toc-exercises.ts";

const item = (depth: number, slug: string, children: TocItem[] = []): TocItem => ({
  depth,
  slug,
  text: slug,
  children,
});
const levels = { min: 2, max: 3 };
const label = (e: Entry) =>
  e.kind === "exercise" ? `Exercise: ${e.id}` : `Figure: ${e.name} ${e.n}`;

describe("lessonEvents", () => {
  it("reads headings and exercise tags in order, skipping code fences", () => {
    const body = [
      "Intro",
      "## One",
      "```python",
      "## not a heading",
      '<Exercise id="in-code" />',
      "```",
      '<Exercise id="a" />',
      "### Sub",
      "<Exercise id='b' />",
    ].join("\n");
    expect(lessonEvents(body)).toEqual([
      { kind: "heading", depth: 2 },
      { kind: "exercise", id: "a" },
      { kind: "heading", depth: 3 },
      { kind: "exercise", id: "b" },
    ]);
  });
});

describe("withExercises", () => {
  it("adds an exercise after the heading it follows, one level below it", () => {
    const toc = [item(2, "_top"), item(2, "one", [item(3, "sub")]), item(2, "two")];
    const body = '## One\n<Exercise id="a" />\n### Sub\n## Two\n<Exercise id="b" />\n';
    const out = withExercises(toc, body, levels, label);
    expect(out.map((i) => i.slug)).toEqual(["_top", "one", "two"]);
    expect(out[1]?.children.map((i) => i.slug)).toEqual(["exercise-a", "sub"]);
    expect(out[2]?.children).toEqual([
      { depth: 3, slug: "exercise-b", text: "Exercise: b", children: [] },
    ]);
  });

  it("puts an exercise before any heading at the top level, beside the page title", () => {
    const out = withExercises([item(2, "_top")], '<Exercise id="a" />', levels, label);
    expect(out.map((i) => [i.depth, i.slug])).toEqual([
      [2, "_top"],
      [2, "exercise-a"],
    ]);
  });

  it("an exercise under a deepest-level heading stays at the deepest level", () => {
    const toc = [item(2, "_top"), item(2, "one", [item(3, "sub")])];
    const out = withExercises(toc, '## One\n### Sub\n<Exercise id="a" />', levels, label);
    expect(out[1]?.children.map((i) => i.slug)).toEqual(["sub", "exercise-a"]);
  });

  it("leaves the contents alone when the headings do not pair up", () => {
    const toc = [item(2, "_top"), item(2, "one")];
    const out = withExercises(toc, '## One\n## Two\n<Exercise id="a" />', levels, label);
    expect(out).toBe(toc);
  });

  it("ignores headings outside the contents' levels", () => {
    const toc = [item(2, "_top"), item(2, "one")];
    const out = withExercises(toc, '## One\n#### Deep\n<Exercise id="a" />', levels, label);
    expect(out[1]?.children.map((i) => i.slug)).toEqual(["exercise-a"]);
  });

  it("adds figures by their tags, numbered per tag, with the ids the widgets get", () => {
    const toc = [item(2, "_top"), item(2, "one"), item(2, "two")];
    const body =
      '## One\n<Broadcasting a={[3]} />\n<Jacobian />\n## Two\n<Broadcasting inplace />\n<Exercise id="a" />';
    const out = withExercises(toc, body, levels, label, ["Broadcasting", "Jacobian"]);
    expect(out[1]?.children.map((i) => [i.slug, i.text])).toEqual([
      ["figure-broadcasting", "Figure: Broadcasting 0"],
      ["figure-jacobian", "Figure: Jacobian 0"],
    ]);
    expect(out[2]?.children.map((i) => i.slug)).toEqual(["figure-broadcasting-2", "exercise-a"]);
  });

  it("does not take a longer tag name for a figure's", () => {
    const events = lessonEvents("<JacobianTable />\n<Jacobian />", ["Jacobian"]);
    expect(events).toEqual([{ kind: "figure", name: "Jacobian", n: 0 }]);
  });
});
