// The static host behind `npm start` and the e2e tests, as a request handler. It behaves like a
// plain static host (nginx, Caddy, GitHub Pages): files only, directories serve their
// index.html, "/dir" redirects to "/dir/", misses get 404.html, and the site is mounted at its
// base path. Like nginx's gzip_static/brotli_static and Caddy's `precompressed`, it serves the
// build's pre-compressed copies (file.br, file.gz, written by src/integrations/precompress.ts)
// to clients that accept them, and lets browsers keep the content-hashed files for a year.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".ipynb": "application/x-ipynb+json",
  ".py": "text/x-python; charset=utf-8",
  ".whl": "application/zip",
  ".zip": "application/zip",
};

/** The encodings a pre-compressed copy may have, best first, with the copy's file suffix. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
export type Encoding = (typeof ENCODINGS)[number]["name"];

/**
 * The encoding to send, given the request's Accept-Encoding and which copies exist: Brotli
 * before gzip whenever both are acceptable (q > 0, by name or by `*`), else none (identity).
 */
export function pickEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<Encoding>,
): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [token = "", ...params] = part
      .toLowerCase()
      .split(";")
      .map((p) => p.trim());
    if (token === "") continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(token, Number.isFinite(value) ? value : 0);
  }
  for (const { name } of ENCODINGS) {
    const weight = q.get(name) ?? q.get("*") ?? 0;
    if (weight > 0 && available.has(name)) return name;
  }
  return undefined;
}

/**
 * Cache-Control for a path relative to the site's root. Vite's output (_astro/) carries a
 * content hash in every name and the runtime's folder (_torchlit/pyodide/<version>/) its
 * version, so a browser may keep them for a year without asking; everything else (pages,
 * search index, the root's files) is revalidated on each visit, answered by a 304 when unchanged.
 */
export function cacheControl(rel: string): string {
  const path = rel.replaceAll("\\", "/");
  return path.startsWith("_astro/") || path.startsWith("_torchlit/pyodide/")
    ? "public, max-age=31536000, immutable"
    : "no-cache";
}

interface FileInfo {
  size: number;
  mtimeMs: number;
}

/** The file's size and time, or undefined when it is not a plain file. */
async function fileInfo(path: string): Promise<FileInfo | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface StaticHostOptions {
  /** The built site's folder (dist). */
  root: string;
  /** The base path the site is mounted at, e.g. "/" or "/course/". */
  base: string;
}

/** A request handler that serves `root` at `base` as described at the top of this file. */
export function createStaticHost({ root, base: rawBase }: StaticHostOptions) {
  const base = `/${rawBase.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    path: string,
    info: FileInfo,
  ): Promise<void> {
    const rel = path.slice(root.length + 1);
    const copies = new Map<Encoding, { path: string; info: FileInfo }>();
    for (const { name, suffix } of ENCODINGS) {
      const copy = await fileInfo(path + suffix);
      if (copy) copies.set(name, { path: path + suffix, info: copy });
    }
    const encoding = pickEncoding(req.headers["accept-encoding"], new Set(copies.keys()));
    const chosen = encoding ? (copies.get(encoding) ?? { path, info }) : { path, info };
    const headers: Record<string, string | number> = {
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "cache-control": cacheControl(rel),
      etag: `W/"${chosen.info.size.toString(16)}-${Math.trunc(chosen.info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ""}"`,
    };
    // Caches must key the answer on Accept-Encoding whenever it could have differed.
    if (copies.size > 0) headers.vary = "accept-encoding";
    if (status === 200 && req.headers["if-none-match"] === headers.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    if (encoding) headers["content-encoding"] = encoding;
    headers["content-length"] = chosen.info.size;
    res.writeHead(status, headers);
    if (req.method === "HEAD") res.end();
    else createReadStream(chosen.path).pipe(res);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = join(root, "404.html");
    const info = await fileInfo(page);
    if (info) return send(req, res, 404, page, info);
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (base !== "/" && url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base + url.search }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) return notFound(req, res);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const path = normalize(join(root, rel));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (await isDirectory(path)) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = join(path, "index.html");
      const indexInfo = await fileInfo(index);
      return indexInfo ? send(req, res, 200, index, indexInfo) : notFound(req, res);
    }
    const info = await fileInfo(path);
    if (info) return send(req, res, 200, path, info);
    return notFound(req, res);
  };
}
