// Lessons use the site's components by name, without imports: for each component below that a
// lesson's MDX uses (<Exercise id=… />, <TensorMemory />, <Broadcasting />, <Jacobian />,
// <DeviceTiming />, <GradientDescent />), this remark step adds its import,
// unless the lesson imports that name itself.
import { fileURLToPath } from "node:url";
import { mdxDefaultImport } from "./mdx-import.ts";

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  children?: Node[];
}

const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The components a lesson may use without importing them, by their MDX tag name. */
export const LESSON_COMPONENTS: Record<string, string> = {
  Exercise: at("../components/exercise/Exercise.astro"),
  ProgressPanel: at("../components/exercise/ProgressPanel.astro"),
  CourseOutline: at("../components/home/CourseOutline.astro"),
  TensorMemory: at("../components/widgets/TensorMemory/TensorMemory.astro"),
  Broadcasting: at("../components/widgets/Broadcasting/Broadcasting.astro"),
  AutogradGraph: at("../components/widgets/AutogradGraph/AutogradGraph.astro"),
  Jacobian: at("../components/widgets/Jacobian/Jacobian.astro"),
  DeviceTiming: at("../components/widgets/DeviceTiming/DeviceTiming.astro"),
  GradientDescent: at("../components/widgets/GradientDescent/GradientDescent.astro"),
};

/**
 * The interactive figures among LESSON_COMPONENTS, by tag name, with the key of their texts in
 * the strings module (`widgets.<key>`). Each one a lesson uses gets an `anchor` prop, its id in
 * the page, so "On this page" can link to it (src/lib/toc-exercises.ts lists it there).
 */
export const WIDGETS: Record<string, string> = {
  TensorMemory: "tensorMemory",
  Broadcasting: "broadcasting",
  AutogradGraph: "autogradGraph",
  Jacobian: "jacobian",
  DeviceTiming: "deviceTiming",
  GradientDescent: "gradientDescent",
};

/** The id of the `n`-th (0-based) figure of tag `name` on a page: `figure-tensor-memory`, then `-2`, … */
export function widgetAnchor(name: string, n: number): string {
  const kebab = name.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase();
  return n === 0 ? `figure-${kebab}` : `figure-${kebab}-${n + 1}`;
}

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Gives each figure in `tree` its `anchor` prop (unless the lesson set one), in page order. */
export function anchorWidgets(tree: Node, seen = new Map<string, number>()): void {
  if (tree.type === "mdxJsxFlowElement" && tree.name && tree.name in WIDGETS) {
    const n = seen.get(tree.name) ?? 0;
    seen.set(tree.name, n + 1);
    const element = tree as { attributes?: Attribute[] };
    element.attributes ??= [];
    const attributes = element.attributes;
    if (!attributes.some((a) => a.name === "anchor"))
      attributes.push({
        type: "mdxJsxAttribute",
        name: "anchor",
        value: widgetAnchor(tree.name, n),
      });
  }
  for (const child of tree.children ?? []) anchorWidgets(child, seen);
}

function usedNames(tree: Node, out = new Set<string>()): Set<string> {
  if ((tree.type === "mdxJsxFlowElement" || tree.type === "mdxJsxTextElement") && tree.name)
    out.add(tree.name);
  for (const child of tree.children ?? []) usedNames(child, out);
  return out;
}

function importedNames(tree: Node): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children ?? []) {
    if (node.type !== "mdxjsEsm") continue;
    for (const m of (node.value ?? "").matchAll(/import\s+([A-Za-z_$][\w$]*)/g))
      names.add(m[1] as string);
  }
  return names;
}

/** Adds the imports of the LESSON_COMPONENTS `tree` uses and does not import; returns their names. */
export function importLessonComponents(tree: Node): string[] {
  const used = usedNames(tree);
  const imported = importedNames(tree);
  const added = Object.keys(LESSON_COMPONENTS).filter((n) => used.has(n) && !imported.has(n));
  for (const name of added)
    tree.children?.unshift(mdxDefaultImport(name, LESSON_COMPONENTS[name] as string));
  return added;
}
