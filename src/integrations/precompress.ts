// Astro integration that writes pre-compressed copies of the build's large text and Wasm files:
// file.br (Brotli, quality 11) and file.gz (gzip, level 9) beside each one, so that a static
// host serves them without compressing on every request (nginx gzip_static/brotli_static,
// Caddy `precompressed`, scripts/serve.mjs). It runs last, after Starlight's search index is
// written. Compressing the runtime's 9.6 MB Wasm at quality 11 takes about 25 s on one core, so
// the copies of large files are kept in node_modules/.cache, keyed by their content's hash, and
// a rebuild (or the base-path build beside it) reuses them. Build time only; nothing here ships.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { AstroIntegration } from "astro";

/** The kinds of file worth compressing (images, fonts and Pagefind's index are compressed already). */
export const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".svg",
  ".wasm",
  ".txt",
  ".xml",
  ".ipynb",
  ".py",
  ".zip",
]);
/** Smaller files fit in a packet or two either way. */
export const MIN_BYTES = 1024;
/** A copy is written only when it saves at least a tenth (a deflated zip does not). */
export const MAX_RATIO = 0.9;
/** Files at least this large have their copies cached between builds. */
const CACHE_FROM_BYTES = 256 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface Variant {
  suffix: ".br" | ".gz";
  /** The settings, part of the cache key: a change of settings never reuses an old copy. */
  settings: string;
  compress: (data: Buffer) => Promise<Buffer>;
}

export const VARIANTS: readonly Variant[] = [
  {
    suffix: ".br",
    settings: "brotli quality 11",
    compress: (data) =>
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  { suffix: ".gz", settings: "gzip level 9", compress: (data) => gzipAsync(data, { level: 9 }) },
];

export interface FileResult {
  path: string;
  bytes: number;
  /** The copies written, by suffix, with their sizes. */
  written: Partial<Record<Variant["suffix"], number>>;
}

/** Whether `path` is a file this integration compresses (not a copy itself). */
export function wantsCopies(path: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.has(extname(path));
}

async function compressed(
  data: Buffer,
  variant: Variant,
  cacheDir: string | undefined,
): Promise<Buffer> {
  if (cacheDir === undefined || data.length < CACHE_FROM_BYTES) return variant.compress(data);
  const key = createHash("sha256").update(variant.settings).update(data).digest("hex");
  const cached = join(cacheDir, `${key}${variant.suffix}`);
  try {
    const out = await readFile(cached);
    // Touched when used, so that pruneCache keeps what recent builds still need.
    const now = new Date();
    await utimes(cached, now, now);
    return out;
  } catch {
    const out = await variant.compress(data);
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, out);
    return out;
  }
}

/**
 * Writes (or refreshes) the compressed copies of one file: a copy that would not save a tenth
 * of the bytes is not written, and a stale one left by an earlier build is removed.
 */
export async function compressFile(path: string, cacheDir?: string): Promise<FileResult> {
  const data = await readFile(path);
  const result: FileResult = { path, bytes: data.length, written: {} };
  for (const variant of VARIANTS) {
    const out = await compressed(data, variant, cacheDir);
    if (out.length <= data.length * MAX_RATIO) {
      await writeFile(path + variant.suffix, out);
      result.written[variant.suffix] = out.length;
    } else {
      await rm(path + variant.suffix, { force: true });
    }
  }
  return result;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every file of `dir` that wants copies, a few at a time (zlib's thread pool). */
export async function precompressDir(dir: string, cacheDir?: string): Promise<FileResult[]> {
  const paths: string[] = [];
  for await (const path of walk(dir)) {
    if (wantsCopies(path, (await stat(path)).size)) paths.push(path);
  }
  // Largest first, so the Wasm's long Brotli pass starts at once rather than last.
  const sizes = new Map(
    await Promise.all(paths.map(async (p) => [p, (await stat(p)).size] as const)),
  );
  paths.sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
  const results: FileResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      results.push(await compressFile(path, cacheDir));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return results;
}

/** Copies unused for this long are removed from the cache after a build. */
const CACHE_KEEP_MS = 14 * 24 * 3600 * 1000;

/** Removes the cache's copies that no build has used for two weeks (pages change often). */
export async function pruneCache(cacheDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(cacheDir, name);
    if (now - (await stat(path)).mtimeMs > CACHE_KEEP_MS) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

export function precompress(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: "torchlit-precompress",
    hooks: {
      "astro:config:setup": ({ config }) => {
        cacheDir = join(
          fileURLToPath(config.root),
          "node_modules",
          ".cache",
          "torchlit-precompress",
        );
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const results = await precompressDir(fileURLToPath(dir), cacheDir);
        if (cacheDir) await pruneCache(cacheDir);
        const sum = (pick: (r: FileResult) => number) => results.reduce((n, r) => n + pick(r), 0);
        const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
        logger.info(
          `${results.length} files compressed in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
            `${mb(sum((r) => r.bytes))} → ${mb(sum((r) => r.written[".br"] ?? r.bytes))} Brotli, ` +
            `${mb(sum((r) => r.written[".gz"] ?? r.bytes))} gzip`,
        );
      },
    },
  };
}
