// Unit tests of the remark helper that places the device toggle on lesson pages.
import { describe, expect, it } from "vitest";
import { insertDeviceToggle } from "./insert.ts";

interface Tree {
  type: string;
  name?: string;
  children?: Tree[];
  [key: string]: unknown;
}

const el = (name: string, children: Tree[] = []): Tree => ({
  type: "mdxJsxFlowElement",
  name,
  children,
});
const text: Tree = { type: "paragraph", children: [] };
const runnable = ["TorchlitCodeCell", "Exercise"];

describe("insertDeviceToggle(tree, runnable)", () => {
  it("puts one toggle right before the first runnable block, however deep", () => {
    const quote: Tree = { type: "blockquote", children: [text, el("Exercise")] };
    const tree: Tree = { type: "root", children: [text, quote, el("TorchlitCodeCell")] };
    expect(insertDeviceToggle(tree, runnable)).toBe(true);
    expect(tree.children?.[0]?.type).toBe("mdxjsEsm");
    expect(quote.children?.map((c) => c.name ?? c.type)).toEqual([
      "paragraph",
      "TorchlitDeviceToggle",
      "Exercise",
    ]);
    const toggles = (t: Tree): number =>
      (t.type === "mdxJsxFlowElement" && t.name === "TorchlitDeviceToggle" ? 1 : 0) +
      (t.children ?? []).reduce((n, c) => n + toggles(c), 0);
    expect(toggles(tree)).toBe(1);
  });

  it("leaves a page without cells or exercises alone", () => {
    const tree: Tree = { type: "root", children: [text, el("Aside")] };
    expect(insertDeviceToggle(tree, runnable)).toBe(false);
    expect(tree.children).toHaveLength(2);
  });
});
