// Re-packs a zip archive with every entry stored (not deflated), same names, order and bytes.
// Pyodide's standard library ships as a deflated zip (2.5 MB) that Brotli cannot shrink further;
// stored, the same archive is 9.7 MB on disk but 1.6 MB as Brotli (2.2 MB gzip), because the
// compression then sees across files, and Python's zipimport reads it without inflating.
// Build time only (src/integrations/runtime-assets.ts); nothing here ships.
import { unzipSync, zipSync } from "fflate";

/** Entries' modification time: fixed, so that the same input always gives the same bytes. */
const MTIME = new Date(2000, 0, 1, 12, 0, 0);

export function storedZip(archive: Uint8Array): Uint8Array {
  const entries = unzipSync(archive);
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, data]) => [name, [data, { level: 0, mtime: MTIME }]]),
    ),
  );
}
