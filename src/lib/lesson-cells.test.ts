// Every lesson's Python cells, taken from its exported notebook, print the same under real PyTorch
// (Debian's /usr/bin/python3 with python3-torch 1.13) as on the engine, run as the site runs them
// (src/runtime/cell_runner.py: a notebook namespace per page, the last expression's repr shown).
// Cells marked `env-dependent` (GPU, id(), timings) must only run without error on both.
// Under CI=true a missing oracle fails; locally the comparison is skipped with a loud message.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRuntime, type Runtime } from "torchlit/runtime";
import { pyodideIndexURL, readPythonSources } from "torchlit/runtime/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExercises } from "../exercises/load.ts";
import { lessonCodeCells, lessonNotebook } from "../exercises/notebook.ts";
import { lessonSlugs } from "../sidebar.ts";
import { fenceFlags } from "./fence-meta.ts";

const ORACLE = "/usr/bin/python3";
const root = process.cwd();
const docs = join(root, "content", "docs");

interface Cell {
  code: string;
  envDependent: boolean;
}
interface Page {
  id: string;
  cells: Cell[];
}
/** What one cell printed: stdout plus the shown repr, or the final `Type: message` line. */
interface Ran {
  stdout: string;
  error: string | null;
}

const FENCE = /^```python([^\n]*)\n[\s\S]*?^```[ \t]*$/gm;

function readPage(locale: string, file: string): Page {
  const mdx = readFileSync(join(docs, locale, file), "utf8");
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(mdx);
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(front?.[1] ?? "")?.[1] ?? "";
  const body = mdx.slice(front?.[0].length ?? 0);
  const nb = lessonNotebook({
    title,
    body,
    lang: locale === "zh-cn" ? "zh" : "en",
    exercises: loadExercises(),
  });
  // The notebook keeps only the code; the `env-dependent` meta word is read from the fences.
  const metas = [...body.matchAll(FENCE)]
    .map((m) => m[1] ?? "")
    .filter((meta) => !fenceFlags(meta).static);
  const codes = lessonCodeCells(nb);
  expect(metas.length, `${locale}/${file}: fences vs notebook cells`).toBe(codes.length);
  return {
    id: `${locale}/${file.replace(/\.mdx$/, "")}`,
    cells: codes.map((code, i) => ({
      code,
      envDependent: fenceFlags(metas[i]).envDependent,
    })),
  };
}

const pages: Page[] = readdirSync(docs)
  .sort()
  .flatMap((locale) =>
    readdirSync(join(docs, locale))
      // The lessons, and the home page's cell.
      .filter((f) =>
        [...lessonSlugs, "index"].includes(f.replace(/\.mdx$/, "") as (typeof lessonSlugs)[number]),
      )
      .sort()
      .map((f) => readPage(locale, f)),
  );

// One process for all pages: each page gets a fresh namespace, each cell runs like a notebook
// cell (a final expression statement's repr is shown unless the cell ends in `;`).
const ORACLE_SCRIPT = `
import ast, contextlib, io, json, sys, traceback
pages = json.load(sys.stdin)
results = []
for page in pages:
    ns = {"__name__": "__main__"}
    ran = []
    for code in page:
        out = io.StringIO()
        error = None
        try:
            with contextlib.redirect_stdout(out):
                tree = ast.parse(code)
                last = None
                if tree.body and isinstance(tree.body[-1], ast.Expr) and not code.rstrip().endswith(";"):
                    last = ast.Expression(tree.body.pop().value)
                exec(compile(tree, "<cell>", "exec"), ns)
                if last is not None:
                    value = eval(compile(last, "<cell>", "eval"), ns)
                    if value is not None:
                        print(repr(value))
        except BaseException as exc:
            error = traceback.format_exception_only(type(exc), exc)[-1].strip()
        ran.append({"stdout": out.getvalue(), "error": error})
    results.append(ran)
json.dump(results, sys.stdout)
`;

function oracleHasTorch(): boolean {
  if (!existsSync(ORACLE)) return false;
  return spawnSync(ORACLE, ["-c", "import torch"], { encoding: "utf8" }).status === 0;
}

function runOracle(): Ran[][] {
  const run = spawnSync(ORACLE, ["-c", ORACLE_SCRIPT], {
    input: JSON.stringify(pages.map((p) => p.cells.map((c) => c.code))),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the PyTorch oracle failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Ran[][];
}

let runtime: Runtime;
let captured = "";
let runCell: (code: string, filename: string, namespace: string) => Promise<unknown[]>;

/** The site's own cell runner, on one Pyodide instance for every page. */
async function startEngine(): Promise<void> {
  const decoder = new TextDecoder();
  const cellRunner = readFileSync(join(root, "src", "runtime", "cell_runner.py"), "utf8");
  runtime = await createRuntime({
    indexURL: pyodideIndexURL(),
    sources: { ...readPythonSources(), "_torchlit_cells.py": cellRunner },
    stdout: (b) => {
      captured += decoder.decode(b);
    },
    stderr: () => {},
  });
  const py = runtime.pyodide;
  // The module the worker gives cell_runner.py (src/runtime/worker.ts): here no page listens.
  py.registerJsModule("_torchlit_page", { sleeping: () => {} });
  const ns = py.toPy({});
  py.runPython("from _torchlit_cells import run_cell", { globals: ns });
  runCell = async (code, filename, namespace) => {
    // runPythonAsync, as the engine's own run(): Node has no JSPI for callPromising.
    ns.set("_code", code);
    ns.set("_filename", filename);
    ns.set("_namespace", namespace);
    const proxy = await py.runPythonAsync("await run_cell(_code, _filename, _namespace)", {
      globals: ns,
    });
    const out = proxy.toJs() as unknown[];
    proxy.destroy();
    return out;
  };
}

async function runOnEngine(page: Page, cell: number): Promise<Ran> {
  captured = "";
  const code = page.cells[cell]?.code ?? "";
  const r = await runCell(code, `<cell ${cell + 1}>`, `lesson:${page.id}`);
  if (r[0] === "ok") {
    return { stdout: captured + (typeof r[1] === "string" ? `${r[1]}\n` : ""), error: null };
  }
  return { stdout: captured, error: `${r[1]}: ${r[2]}` };
}

const inCi = process.env.CI === "true";
const haveOracle = oracleHasTorch();
if (!haveOracle && !inCi) {
  console.warn(
    `\n*** SKIPPED: lesson cells were not compared with PyTorch: ${ORACLE} cannot import torch ` +
      "(apt-get install python3-torch). Under CI=true this fails. ***\n",
  );
}

describe("lesson code cells print what PyTorch prints", () => {
  it("has lesson pages with python cells", () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.some((p) => p.cells.length > 0)).toBe(true);
  });

  it("has the PyTorch oracle (required under CI=true)", { skip: !haveOracle && !inCi }, () => {
    expect(haveOracle, `${ORACLE} with torch is required under CI=true`).toBe(true);
  });

  let oracle: Ran[][] = [];
  beforeAll(async () => {
    if (!haveOracle) return;
    oracle = runOracle();
    await startEngine();
  }, 120_000);
  afterAll(() => runtime?.close());

  for (const [p, page] of pages.entries()) {
    if (page.cells.length === 0) continue;
    it(page.id, { skip: !haveOracle, timeout: 60_000 }, async () => {
      for (const [i, cell] of page.cells.entries()) {
        const label = `${page.id} cell ${i + 1}`;
        const real = oracle[p]?.[i];
        const ours = await runOnEngine(page, i);
        if (cell.envDependent) {
          expect(real?.error ?? null, `${label} under PyTorch`).toBeNull();
          expect(ours.error, `${label} on the engine`).toBeNull();
        } else {
          // A cell that raises on purpose must raise the same `Type: message` on both.
          expect(ours.stdout, label).toBe(real?.stdout);
          expect(ours.error, `${label}: the error`).toBe(real?.error ?? null);
        }
      }
    });
  }
});
