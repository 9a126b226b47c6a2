// Unit tests of the remark step that imports the components a lesson uses by name.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  anchorWidgets,
  importLessonComponents,
  LESSON_COMPONENTS,
  WIDGETS,
  widgetAnchor,
} from "./remark-components.ts";

interface Tree {
  type: string;
  name?: string;
  value?: string;
  children?: Tree[];
}

const jsx = (name: string): Tree => ({ type: "mdxJsxFlowElement", name, children: [] });
const imports = (tree: Tree): string[] =>
  (tree.children ?? []).filter((n) => n.type === "mdxjsEsm").map((n) => n.value ?? "");

describe("importLessonComponents", () => {
  it("imports each used component once, nested uses included", () => {
    const tree: Tree = {
      type: "root",
      children: [
        jsx("Exercise"),
        { type: "blockquote", children: [jsx("ProgressPanel"), jsx("Exercise")] },
      ],
    };
    expect(importLessonComponents(tree).sort()).toEqual(["Exercise", "ProgressPanel"]);
    expect(imports(tree)).toHaveLength(2);
    expect(imports(tree).join("\n")).toContain("exercise/ProgressPanel.astro");
  });

  it("leaves a name the lesson imports itself, and names it does not know", () => {
    const own: Tree = { type: "mdxjsEsm", value: 'import Exercise from "./mine.astro";' };
    const tree: Tree = { type: "root", children: [own, jsx("Exercise"), jsx("Card")] };
    expect(importLessonComponents(tree)).toEqual([]);
    expect(imports(tree)).toEqual([own.value]);
  });

  it("points at files that exist", () => {
    for (const path of Object.values(LESSON_COMPONENTS)) expect(existsSync(path), path).toBe(true);
  });
});

describe("anchorWidgets", () => {
  type Attr = { name: string; value: string };
  const anchors = (tree: Tree) =>
    (tree.children ?? []).map(
      (n) =>
        ((n as { attributes?: Attr[] }).attributes ?? []).find((a) => a.name === "anchor")?.value,
    );

  it("numbers each figure's anchor by its place among the page's figures of its kind", () => {
    const tree: Tree = {
      type: "root",
      children: [jsx("Broadcasting"), jsx("TensorMemory"), jsx("Broadcasting"), jsx("Exercise")],
    };
    anchorWidgets(tree);
    expect(anchors(tree)).toEqual([
      "figure-broadcasting",
      "figure-tensor-memory",
      "figure-broadcasting-2",
      undefined,
    ]);
  });

  it("keeps an anchor the lesson set", () => {
    const own = {
      ...jsx("Jacobian"),
      attributes: [{ type: "mdxJsxAttribute", name: "anchor", value: "mine" }],
    };
    const tree: Tree = { type: "root", children: [own] };
    anchorWidgets(tree);
    expect(anchors(tree)).toEqual(["mine"]);
  });

  it("covers every figure the lessons can use", () => {
    for (const name of Object.keys(WIDGETS)) expect(LESSON_COMPONENTS).toHaveProperty(name);
    expect(widgetAnchor("AutogradGraph", 0)).toBe("figure-autograd-graph");
  });
});
