// Remark helper (build time) that puts one <TorchlitDeviceToggle> on a lesson page, right before
// its first runnable block (a code cell or an <Exercise>), so the choice sits where it applies.
// Called by src/lib/remark-code-cells.ts after the cells are wrapped; pages with neither get none.
import { fileURLToPath } from "node:url";
import { mdxDefaultImport } from "../../lib/mdx-import.ts";

interface Node {
  type: string;
  name?: string | null;
  children?: Node[];
  [key: string]: unknown;
}

const COMPONENT = "TorchlitDeviceToggle";
const componentPath = fileURLToPath(new URL("./DeviceToggle.astro", import.meta.url));

/** Inserts the toggle before the first element named in `runnable`; returns whether it did. */
export function insertDeviceToggle(tree: Node, runnable: readonly string[]): boolean {
  const isRunnable = (n: Node): boolean =>
    n.type === "mdxJsxFlowElement" && !!n.name && runnable.includes(n.name);
  const place = (node: Node): boolean => {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as Node;
      if (isRunnable(child)) {
        children.splice(i, 0, {
          type: "mdxJsxFlowElement",
          name: COMPONENT,
          attributes: [],
          children: [],
        });
        return true;
      }
      if (place(child)) return true;
    }
    return false;
  };
  if (!place(tree)) return false;
  tree.children?.unshift(mdxDefaultImport(COMPONENT, componentPath));
  return true;
}
