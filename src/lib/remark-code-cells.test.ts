// Unit tests of the remark step that turns lesson Python blocks into code cells.
import { describe, expect, it } from "vitest";
import { isLesson, wrapPythonBlocks } from "./remark-code-cells.ts";

interface Tree {
  type: string;
  name?: string;
  attributes?: unknown[];
  children?: Tree[];
  [key: string]: unknown;
}

const code = (lang: string, value: string, meta: string | null = null): Tree => ({
  type: "code",
  lang,
  meta,
  value,
});
const attr = (name: string, value: string | null) => ({ type: "mdxJsxAttribute", name, value });

describe("wrapPythonBlocks", () => {
  it("wraps python blocks in page order and leaves other languages alone", () => {
    const quote: Tree = { type: "blockquote", children: [code("python", "x")] };
    const tree: Tree = {
      type: "root",
      children: [code("python", "x = 1"), code("bash", "ls"), quote],
    };
    expect(wrapPythonBlocks(tree)).toBe(2);
    const [first, bash] = tree.children ?? [];
    expect(first?.name).toBe("TorchlitCodeCell");
    expect(first?.attributes).toContainEqual(attr("index", "1"));
    expect(bash?.type).toBe("code");
    expect(quote.children?.[0]?.attributes).toContainEqual(attr("source", "x"));
    expect(quote.children?.[0]?.attributes).toContainEqual(attr("index", "2"));
  });

  it("marks env-dependent cells from the meta string", () => {
    const tree: Tree = {
      type: "root",
      children: [code("python", "torch.cuda.is_available()", "env-dependent")],
    };
    wrapPythonBlocks(tree);
    expect(tree.children?.[0]?.attributes).toContainEqual(attr("envDependent", null));
  });

  it("leaves a static python block as highlighted code, not a cell", () => {
    const tree: Tree = {
      type: "root",
      children: [code("python", "model.fit(x, y)", "static"), code("python", "y = 2")],
    };
    expect(wrapPythonBlocks(tree)).toBe(1);
    expect(tree.children?.[0]?.type).toBe("code");
    expect(tree.children?.[1]?.attributes).toContainEqual(attr("index", "1"));
  });
});

describe("isLesson", () => {
  it("accepts MDX under content/docs only", () => {
    expect(isLesson("/site/content/docs/en/tensors.mdx")).toBe(true);
    expect(isLesson("/site/content/docs/en/tensors.md")).toBe(false);
    expect(isLesson("/site/content/exercises/01/prompt.mdx")).toBe(false);
    expect(isLesson(undefined)).toBe(false);
  });
});
