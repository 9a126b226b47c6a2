// A lesson as a Jupyter notebook (nbformat 4.5): Markdown between code blocks becomes text cells,
// each ```python block a code cell (exactly the page's cells, in page order), and the exercises
// come at the end, under their own heading, each its prompt plus a code cell of setup + starter
// (a predict exercise: its options, then setup + the cell to run once predicted), in the
// notebook's language; where the page shows an exercise, the notebook says where it went. On the
// site an exercise runs in a namespace of its own; a notebook has one namespace, so an exercise
// placed mid-lesson would rebind names (f, x, J) that the lesson's later cells still use. Pure:
// the endpoint (src/pages/notebooks/...) and the tests hand it the MDX body.
import { isRunnableFence } from "../lib/fence-meta.ts";
import { type Exercise, isChoice, type Lang } from "./schema.ts";

export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: [];
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** nbformat keeps source as lines, each but the last ending in "\n". */
function lines(text: string): string[] {
  const parts = text.replace(/\n+$/, "").split("\n");
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line));
}

const FENCE = /^```([\w-]*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
const EXERCISE = /<Exercise\s+id="([^"]+)"\s*\/>/g;

/** Text without MDX's import lines and other JSX tags (they mean nothing in Jupyter). */
function markdownOf(text: string): string {
  return text
    .replace(/^import\s.+?from\s+["'][^"']+["'];?\s*$/gm, "")
    .replace(/^<[A-Z][^>]*\/>\s*$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A predict exercise's answers as Markdown: the options to choose from, or what to type. */
function predictionText(ex: Extract<Exercise, { kind: "predict" }>, lang: Lang): string {
  const lead =
    lang === "zh"
      ? "先写下你的预测，再运行下面的单元格。"
      : "Write down your prediction, then run the cell below.";
  if (!isChoice(ex.predict)) return lead;
  const options = ex.predict.options.map((o) => {
    const text =
      o.code !== undefined ? `\`${o.code.replace(/\n/g, " / ")}\`` : (o.label?.[lang] ?? "");
    return `- ${o.id}) ${text}`;
  });
  return `${lead}\n\n${options.join("\n")}`;
}

export function lessonNotebook(opts: {
  title: string;
  body: string;
  lang: Lang;
  exercises: Exercise[];
  /** Link back to the page, shown in the first cell. */
  pageUrl?: string;
}): Notebook {
  const cells: NotebookCell[] = [];
  const add = (cell_type: "markdown" | "code", text: string, metadata = {}) => {
    if (text.trim() === "") return;
    const id = `cell-${cells.length + 1}`;
    cells.push(
      cell_type === "code"
        ? { cell_type, id, metadata, execution_count: null, outputs: [], source: lines(text) }
        : { cell_type, id, metadata, source: lines(text) },
    );
  };
  const intro = opts.pageUrl ? `\n\n${opts.pageUrl}` : "";
  add("markdown", `# ${opts.title}${intro}`);
  const zh = opts.lang === "zh";
  const found: Exercise[] = [];
  const prose = (text: string) => {
    let at = 0;
    for (const match of text.matchAll(EXERCISE)) {
      add("markdown", markdownOf(text.slice(at, match.index)));
      const ex = opts.exercises.find((e) => e.id === match[1]);
      if (ex) {
        found.push(ex);
        const n = found.length;
        add(
          "markdown",
          zh
            ? `> 练习 ${n}：${ex.title.zh}（见本 notebook 末尾）`
            : `> Exercise ${n}: ${ex.title.en} (at the end of this notebook)`,
        );
      }
      at = (match.index ?? 0) + match[0].length;
    }
    add("markdown", markdownOf(text.slice(at)));
  };
  let at = 0;
  for (const match of opts.body.matchAll(FENCE)) {
    const [whole, lang, meta, code] = match;
    const start = match.index ?? 0;
    prose(opts.body.slice(at, start));
    if (isRunnableFence(lang, meta)) add("code", code ?? "");
    else add("markdown", whole);
    at = start + whole.length;
  }
  prose(opts.body.slice(at));
  if (found.length > 0) {
    add(
      "markdown",
      zh
        ? "## 练习\n\n每个练习的单元格都从它自己给出的代码开始，和网站上一样，所以可以按任意顺序运行。某个单元格报错时，“全部运行”会停在那里：之后的单元格请逐个运行。"
        : "## Exercises\n\nEach exercise's cell starts from its own given code, as on the site, so they run in any order. A cell that raises an error stops Run All there: run the ones after it one by one.",
    );
  }
  found.forEach((ex, i) => {
    const heading = zh ? `练习 ${i + 1}` : `Exercise ${i + 1}`;
    const prompt = `### ${heading}${zh ? "：" : ": "}${ex.title[opts.lang]}\n\n${ex.prompt[opts.lang]}`;
    add(
      "markdown",
      ex.kind === "predict" ? `${prompt}\n\n${predictionText(ex, opts.lang)}` : prompt,
    );
    const code = ex.kind === "predict" ? ex.cell[opts.lang] : ex.starter[opts.lang];
    add("code", `${ex.setup[opts.lang].trimEnd()}\n\n${code}`.trimStart(), {
      torchlit: { exercise: ex.id },
    });
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      language_info: { name: "python" },
    },
    cells,
  };
}

/** The page's own code cells, as the notebook holds them (exercise cells left out). */
export function lessonCodeCells(nb: Notebook): string[] {
  return nb.cells
    .filter((c) => c.cell_type === "code" && !("torchlit" in c.metadata))
    .map((c) => c.source.join(""));
}
