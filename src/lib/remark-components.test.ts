// Unit tests of the remark step that imports the components a lesson uses by name.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importLessonComponents, LESSON_COMPONENTS } from "./remark-components.ts";

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
