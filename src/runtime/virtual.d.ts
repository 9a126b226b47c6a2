// Types of the virtual modules made at build time by src/integrations/runtime-assets.ts:
// the engine's Python sources for the worker, and where Pyodide's files are served.

declare module "virtual:torchlit-python-sources" {
  /** { "torch/__init__.py": text, ... }, relative to engine/python. */
  const sources: Readonly<Record<string, string>>;
  export default sources;
}

declare module "virtual:torchlit-runtime-assets" {
  /** Pyodide's folder relative to the site's base, e.g. "_torchlit/pyodide/314.0.7/". */
  export const pyodidePath: string;
  /** Bytes of the files the worker meters as Pyodide fetches them, by name, as served. */
  export const pyodideSizes: Readonly<Record<string, number>>;
}
