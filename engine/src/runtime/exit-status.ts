// How os._exit(n) shows in JS: Emscripten's exit throws "Program terminated with exit(n)" out of
// Pyodide (from the run's promise, or later as Pyodide's fatal error). Shared by the CLI and the
// site's worker, which both end with, or report, that status.

/** The status os._exit() ended Python with, or null when `error` is anything else. */
export function exitStatus(error: unknown): number | null {
  const text = error instanceof Error ? error.message : String(error);
  const exit = /Program terminated with exit\((-?\d+)\)/.exec(text);
  return exit ? Number(exit[1]) : null;
}
