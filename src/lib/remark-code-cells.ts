// Remark step that makes every ```python block of a lesson (MDX under content/docs/) a runnable
// cell: the block is wrapped in <TorchlitCodeCell>, which keeps Expressive Code's static Shiki
// rendering as its content. Other languages, Markdown files and other collections are left alone.
// Meta words (src/lib/fence-meta.ts): `env-dependent` marks output that varies by machine,
// `static` keeps the block plain highlighted code.
import { fileURLToPath } from "node:url";
import { insertDeviceToggle } from "../components/device-toggle/insert.ts";
import { fenceFlags, isRunnableFence } from "./fence-meta.ts";
import { mdxDefaultImport } from "./mdx-import.ts";
import { anchorWidgets, importLessonComponents } from "./remark-components.ts";

/** The mdast shapes this step reads and writes (kept local: no mdast type packages needed). */
interface Node {
  type: string;
  children?: Node[];
  [key: string]: unknown;
}
interface CodeNode extends Node {
  type: "code";
  lang?: string | null;
  meta?: string | null;
  value: string;
}
interface VFileLike {
  path?: string;
}

const COMPONENT = "TorchlitCodeCell";
const componentPath = fileURLToPath(
  new URL("../components/code-cell/CodeCell.astro", import.meta.url),
);

/** Whether a file is a lesson page (MDX under content/docs/). */
export function isLesson(path: string | undefined): boolean {
  return !!path && /[/\\]content[/\\]docs[/\\].*\.mdx$/.test(path);
}

function attribute(name: string, value: string | null): Node {
  return { type: "mdxJsxAttribute", name, value };
}

/** Wraps python code nodes, in document order, and returns how many it wrapped. */
export function wrapPythonBlocks(tree: Node): number {
  let count = 0;
  const walk = (node: Node): void => {
    const children = node.children;
    if (!children) return;
    children.forEach((child, i) => {
      const code = child as CodeNode;
      if (child.type === "code" && isRunnableFence(code.lang, code.meta)) {
        count += 1;
        const { envDependent } = fenceFlags(code.meta);
        children[i] = {
          type: "mdxJsxFlowElement",
          name: COMPONENT,
          attributes: [
            attribute("source", code.value),
            attribute("index", String(count)),
            ...(envDependent ? [attribute("envDependent", null)] : []),
          ],
          children: [code],
        };
      } else walk(child);
    });
  };
  walk(tree);
  return count;
}

export function remarkCodeCells() {
  return (tree: Node, file: VFileLike): void => {
    if (!isLesson(file.path)) return;
    importLessonComponents(tree);
    anchorWidgets(tree);
    if (wrapPythonBlocks(tree) > 0)
      tree.children?.unshift(mdxDefaultImport(COMPONENT, componentPath));
    // One CPU/GPU choice per page, before its first cell or exercise.
    insertDeviceToggle(tree, [COMPONENT, "Exercise"]);
  };
}
