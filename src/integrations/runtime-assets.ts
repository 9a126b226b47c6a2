// Astro integration that gives the browser its Python runtime without a CDN: Pyodide's runtime
// files are served by the dev server and copied into the build under _torchlit/pyodide/<version>/,
// and the engine's Python package (torch) becomes the virtual module the worker bundles.
// It runs in Node at build time only; nothing here ships to the reader.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { pyodideIndexURL, readPythonSources } from "torchlit/runtime/node";
import { storedZip } from "./stored-zip.ts";

/** The files loadPyodide fetches at start (the worker bundles pyodide.mjs itself). */
export const PYODIDE_FILES = [
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
] as const;

const SOURCES_ID = "virtual:torchlit-python-sources";
const ASSETS_ID = "virtual:torchlit-runtime-assets";

function pyodideVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string })
    .version;
}

/** The files the worker meters while Pyodide fetches them (src/runtime/download-meter.ts). */
const METERED_FILES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"] as const;

export function runtimeAssets(): AstroIntegration {
  const pyodideDir = pyodideIndexURL();
  // The version in the path lets hosts cache these large files forever.
  const pyodideRoute = `_torchlit/pyodide/${pyodideVersion(pyodideDir)}/`;
  let base = "/";
  /** The standard library as the build writes it (stored), made once per build. */
  let stdlib: Uint8Array | undefined;
  /** Bytes of each metered file as served: the build's stored zip, the dev server's original. */
  let sizes: Record<string, number> = {};
  return {
    name: "torchlit-runtime-assets",
    hooks: {
      "astro:config:setup": ({ config, command, updateConfig }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        if (command === "build")
          stdlib = storedZip(readFileSync(join(pyodideDir, "python_stdlib.zip")));
        sizes = Object.fromEntries(
          METERED_FILES.map((name) => [
            name,
            name === "python_stdlib.zip" && stdlib
              ? stdlib.length
              : statSync(join(pyodideDir, name)).size,
          ]),
        );
        const virtualModules = {
          name: "torchlit-runtime-virtual-modules",
          // Before Vite's resolver, which would externalize Pyodide's node: imports with a warning.
          enforce: "pre" as const,
          resolveId: (id: string, importer?: string) => {
            if (id === SOURCES_ID || id === ASSETS_ID) return `\0${id}`;
            // Pyodide imports Node's modules only when it runs under Node; in the browser
            // bundle they are empty stand-ins instead of "externalized" warnings.
            if (importer?.includes("/pyodide/") && (id.startsWith("node:") || id === "ws"))
              return "\0torchlit-node-stub";
            return undefined;
          },
          load: (id: string) => {
            // Read on every load so the dev server picks up edits to engine/python.
            if (id === `\0${SOURCES_ID}`)
              return `export default ${JSON.stringify(readPythonSources())};`;
            if (id === `\0${ASSETS_ID}`)
              return [
                `export const pyodidePath = ${JSON.stringify(pyodideRoute)};`,
                `export const pyodideSizes = ${JSON.stringify(sizes)};`,
              ].join("\n");
            if (id === "\0torchlit-node-stub") return "export default {};";
            return undefined;
          },
        };
        updateConfig({
          vite: {
            plugins: [virtualModules],
            // Module workers, so the worker can split chunks and import Pyodide's ES module;
            // workers are bundled separately and need the virtual modules again.
            worker: { format: "es", plugins: () => [virtualModules] },
          },
        });
      },
      "astro:server:setup": ({ server }) => {
        const prefix = `${base}${pyodideRoute}`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? "").split("?")[0] ?? "";
          const name = path.startsWith(prefix) ? path.slice(prefix.length) : "";
          if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
          const type = name.endsWith(".wasm")
            ? "application/wasm"
            : name.endsWith(".mjs")
              ? "text/javascript"
              : "application/octet-stream";
          res.setHeader("content-type", type);
          res.end(readFileSync(join(pyodideDir, name)));
        });
      },
      "astro:build:done": ({ dir }) => {
        const out = join(fileURLToPath(dir), pyodideRoute);
        mkdirSync(out, { recursive: true });
        for (const name of PYODIDE_FILES) {
          // The standard library stored rather than deflated, so that the build's Brotli and
          // gzip copies of it (src/integrations/precompress.ts) are 0.9 MB and 0.3 MB smaller.
          if (name === "python_stdlib.zip") {
            writeFileSync(
              join(out, name),
              stdlib ?? storedZip(readFileSync(join(pyodideDir, name))),
            );
          } else copyFileSync(join(pyodideDir, name), join(out, name));
        }
      },
    },
  };
}
