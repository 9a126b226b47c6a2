import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compressFile, precompressDir, pruneCache, wantsCopies } from "./precompress.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "precompress-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Bytes that no compressor can shrink (a seeded xorshift stream). */
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("wantsCopies", () => {
  it("takes large text and Wasm files, not small ones, images or copies", () => {
    expect(wantsCopies("a/page.html", 5000)).toBe(true);
    expect(wantsCopies("a/pyodide.asm.wasm", 9e6)).toBe(true);
    expect(wantsCopies("a/page.html", 500)).toBe(false);
    expect(wantsCopies("a/shot.png", 5e5)).toBe(false);
    expect(wantsCopies("a/page.html.br", 5000)).toBe(false);
    expect(wantsCopies("pagefind/fragment/en_1.pf_fragment", 5000)).toBe(false);
  });
});

describe("compressFile", () => {
  it("writes Brotli and gzip copies that decompress to the original", async () => {
    const text = Buffer.from("<p>tensor([1., 2., 3.])</p>\n".repeat(400));
    const path = join(dir, "index.html");
    await writeFile(path, text);
    const result = await compressFile(path);
    expect(brotliDecompressSync(await readFile(`${path}.br`))).toEqual(text);
    expect(gunzipSync(await readFile(`${path}.gz`))).toEqual(text);
    expect(result.written[".br"]).toBe((await stat(`${path}.br`)).size);
    expect(result.written[".br"]).toBeLessThan(text.length / 10);
  });

  it("writes no copy that would not save a tenth, and removes a stale one", async () => {
    const path = join(dir, "data.zip");
    await writeFile(path, noise(20_000));
    await writeFile(`${path}.br`, "left by an earlier build");
    const result = await compressFile(path);
    expect(result.written).toEqual({});
    expect(await exists(`${path}.br`)).toBe(false);
    expect(await exists(`${path}.gz`)).toBe(false);
  });

  it("reuses a large file's cached copies, keyed by its content", async () => {
    const cache = join(dir, "cache");
    const big = Buffer.from("x = torch.ones(3)\n".repeat(20_000));
    const path = join(dir, "big.js");
    await writeFile(path, big);
    await compressFile(path, cache);
    const cached = await readdir(cache);
    expect(cached.sort().map((n) => n.slice(-3))).toEqual([".br", ".gz"]);
    // A cached copy is used as it is: replace it and the next build's copy is the replacement.
    const brName = cached.find((n) => n.endsWith(".br")) as string;
    const marker = Buffer.from("cached");
    await writeFile(join(cache, brName), marker);
    await compressFile(path, cache);
    expect(await readFile(`${path}.br`)).toEqual(marker);
    // Different content, different key.
    await writeFile(path, Buffer.concat([big, Buffer.from("y = 2\n")]));
    await compressFile(path, cache);
    expect(brotliDecompressSync(await readFile(`${path}.br`)).length).toBe(big.length + 6);
  });
});

describe("precompressDir", () => {
  it("compresses every wanted file under the folder, nested ones too", async () => {
    const text = "body { color: red }\n".repeat(200);
    await writeFile(join(dir, "a.css"), text);
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "b.js"), text);
    await writeFile(join(dir, "sub", "tiny.js"), "1");
    const results = await precompressDir(dir);
    expect(results.map((r) => r.path).sort()).toEqual(
      [join(dir, "a.css"), join(dir, "sub", "b.js")].sort(),
    );
    expect(await exists(join(dir, "sub", "b.js.gz"))).toBe(true);
    expect(await exists(join(dir, "sub", "tiny.js.gz"))).toBe(false);
  });
});

describe("pruneCache", () => {
  it("removes copies unused for two weeks and keeps the rest", async () => {
    const old = join(dir, "old.br");
    const recent = join(dir, "recent.br");
    await writeFile(old, "a");
    await writeFile(recent, "b");
    const now = Date.now();
    const longAgo = new Date(now - 15 * 24 * 3600 * 1000);
    await utimes(old, longAgo, longAgo);
    expect(await pruneCache(dir, now)).toBe(1);
    expect(await exists(old)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect(await pruneCache(join(dir, "absent"))).toBe(0);
  });
});
