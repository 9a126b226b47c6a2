// The engine's layers, and the check that imports flow one way through them: a file may import
// its own layer and the layers listed before it, never a later one. Import cycles between
// files are refused too, except where every import on the cycle is `import type` (erased at
// run time) or a dynamic import() (loaded lazily). Read by test/layers.test.ts; the order is the
// one docs/ARCHITECTURE.md describes.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";

/** Layers in order, each a set of paths under src/ (a folder ends in "/"). */
export const LAYERS: readonly { name: string; paths: readonly string[] }[] = [
  { name: "format", paths: ["format/"] },
  { name: "random", paths: ["random/"] },
  { name: "core", paths: ["core/"] },
  {
    name: "backend",
    paths: [
      "backend/backend.ts",
      "backend/memory-budget.ts",
      "backend/storage.ts",
      "backend/constant-cache.ts",
    ],
  },
  { name: "cpu backend", paths: ["backend/cpu/"] },
  { name: "backend registry", paths: ["backend/registry.ts"] },
  { name: "webgpu backend", paths: ["backend/webgpu/"] },
  // A tensor holds its grad_fn and a node holds tensors: one layer.
  { name: "tensor and autograd", paths: ["tensor.ts", "autograd/"] },
  { name: "ops", paths: ["ops/"] },
  { name: "nn, optim, data", paths: ["nn/", "optim/", "data/"] },
  { name: "public API", paths: ["index.ts", "testing/"] },
  { name: "runtime", paths: ["runtime/"] },
  { name: "cli", paths: ["cli/"] },
];

export interface Import {
  from: string;
  to: string;
  /** Erased at run time (`import type`, or every name imported as a type). */
  typeOnly: boolean;
  dynamic: boolean;
}

/** The layer index of a path under src/, or -1. */
export function layerOf(path: string): number {
  return LAYERS.findIndex((l) =>
    l.paths.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p)),
  );
}

/** The engine-relative imports of one source file (paths relative to src/). */
export function importsOf(path: string, source: string): Import[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic: boolean) => {
    if (!spec.startsWith(".")) return;
    out.push({ from: path, to: normalize(join(dirname(path), spec)), typeOnly, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings;
      const allTypes =
        c !== undefined &&
        (c.isTypeOnly ||
          (c.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes, false);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every problem with a set of sources (path under src/ -> text); empty when the layers hold. */
export function checkLayers(sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const edges = new Map<string, Import[]>();
  for (const [path, source] of sources) {
    const from = layerOf(path);
    if (from < 0) {
      problems.push(`${path} is in no layer: add it to LAYERS in engine/test/layers.ts`);
      continue;
    }
    const imports = importsOf(path, source);
    edges.set(path, imports);
    for (const imp of imports) {
      const to = layerOf(imp.to);
      if (to > from) {
        problems.push(
          `${path} (${LAYERS[from]?.name}) imports ${imp.to} (${LAYERS[to]?.name}), a later layer`,
        );
      }
    }
  }
  for (const cycle of runtimeCycles(edges)) problems.push(`import cycle: ${cycle.join(" -> ")}`);
  return problems;
}

/** Cycles of static, value-carrying imports, each reported once from its smallest path. */
function runtimeCycles(edges: ReadonlyMap<string, Import[]>): string[][] {
  const next = (p: string) =>
    (edges.get(p) ?? []).filter((i) => !i.typeOnly && !i.dynamic).map((i) => i.to);
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const walk = (p: string): void => {
    state.set(p, "open");
    stack.push(p);
    for (const q of next(p)) {
      if (state.get(q) === "open") {
        const cycle = stack.slice(stack.indexOf(q));
        const key = [...cycle].sort().join("|");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, q]);
        }
      } else if (!state.has(q) && edges.has(q)) walk(q);
    }
    stack.pop();
    state.set(p, "done");
  };
  for (const p of [...edges.keys()].sort()) if (!state.has(p)) walk(p);
  return cycles;
}

/** The engine's own sources: every .ts under src/ except tests. */
export function engineSources(): Map<string, string> {
  const root = new URL("../src/", import.meta.url).pathname;
  const out = new Map<string, string>();
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".ts") || e.name.endsWith(".test.ts")) continue;
    const full = join(e.parentPath, e.name);
    out.set(relative(root, full), readFileSync(full, "utf8"));
  }
  return out;
}
