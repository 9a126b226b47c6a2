import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { storedZip } from "./stored-zip.ts";

/** The compression method of each local file header, in archive order (0 stored, 8 deflate). */
function methods(archive: Uint8Array): number[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const out: number[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    out.push(view.getUint16(at + 8, true));
    const size = view.getUint32(at + 18, true);
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + size;
  }
  return out;
}

describe("storedZip", () => {
  const text = new TextEncoder().encode("import os\n".repeat(500));
  const deflated = zipSync({
    "pkg/": new Uint8Array(0),
    "pkg/__init__.py": [text, { level: 9 }],
    "b.py": [new TextEncoder().encode("x = 1\n"), { level: 9 }],
  });

  it("keeps every entry's name, order and bytes, and stores each one", () => {
    expect(methods(deflated)).toContain(8);
    const stored = storedZip(deflated);
    expect(methods(stored)).toEqual([0, 0, 0]);
    const entries = unzipSync(stored);
    expect(Object.keys(entries)).toEqual(["pkg/", "pkg/__init__.py", "b.py"]);
    expect(new TextDecoder().decode(entries["pkg/__init__.py"])).toBe("import os\n".repeat(500));
    expect(stored.length).toBeGreaterThan(text.length);
  });

  it("gives the same bytes for the same input", () => {
    expect(storedZip(deflated)).toEqual(storedZip(deflated));
  });
});
