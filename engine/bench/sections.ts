// Level-2 sections of engine/BENCHMARKS.md, found by heading, so each benchmark script rewrites
// only its own section: run.ts writes the CPU part and WebGPU, runtime.bench.ts the Python
// runtime. Pure string work on the Markdown; it must not run or import any benchmark.

/** The section runtime.bench.ts owns; run.ts keeps it when it rewrites the file. */
export const RUNTIME_HEADING = "## Python runtime";

/** [start, end) of the section opening with `heading` (up to the next `## `), or null. */
function bounds(doc: string, heading: string): [number, number] | null {
  let start = 0;
  if (!doc.startsWith(`${heading}\n`)) {
    const at = doc.indexOf(`\n${heading}\n`);
    if (at < 0) return null;
    start = at + 1;
  }
  const next = doc.indexOf("\n## ", start + heading.length);
  return [start, next < 0 ? doc.length : next + 1];
}

/** The section opening with `heading`, with its trailing newline, or "" when there is none. */
export function getSection(doc: string, heading: string): string {
  const b = bounds(doc, heading);
  return b === null ? "" : `${doc.slice(b[0], b[1]).trimEnd()}\n`;
}

/** `doc` with the section opening with `heading` replaced by `section` (appended if absent). */
export function replaceSection(doc: string, heading: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  const b = bounds(doc, heading);
  if (b === null) return doc.trim() === "" ? body : `${doc.trimEnd()}\n\n${body}`;
  const after = doc.slice(b[1]);
  return `${doc.slice(0, b[0])}${body}${after === "" ? "" : `\n${after}`}`;
}
