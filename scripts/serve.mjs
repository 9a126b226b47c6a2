// A minimal static file server for the built site, used by `npm start` and the e2e tests.
// It behaves like a plain static host (nginx, GitHub Pages): files only, directories serve
// their index.html, "/dir" redirects to "/dir/", misses get 404.html. The site is mounted at
// the base path (TORCHLIT_BASE), so it also shows whether a build works from a subfolder.
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "dist" },
    port: { type: "string", default: process.env.PORT ?? "4321" },
    host: { type: "string", default: "127.0.0.1" },
    base: { type: "string", default: process.env.TORCHLIT_BASE ?? "/" },
  },
});

const root = resolve(values.dir);
const base = `/${values.base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");

const types = {
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

/** The file's stats, or undefined when it does not exist. */
async function statOrUndefined(path) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

function send(res, status, path, size, method) {
  res.writeHead(status, {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "content-length": size,
    "cache-control": "no-cache",
  });
  if (method === "HEAD") res.end();
  else createReadStream(path).pipe(res);
}

async function notFound(res, method) {
  const page = join(root, "404.html");
  const info = await statOrUndefined(page);
  if (info) return send(res, 404, page, info.size, method);
  res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
}

const server = createServer(async (req, res) => {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return res.writeHead(405).end();
  const url = new URL(req.url ?? "/", "http://localhost");
  if (base !== "/" && url.pathname === base.slice(0, -1)) {
    return res.writeHead(301, { location: base + url.search }).end();
  }
  if (!url.pathname.startsWith(base)) return notFound(res, method);
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice(base.length));
  } catch {
    return res.writeHead(400).end();
  }
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root + sep)) return res.writeHead(403).end();
  const info = await statOrUndefined(path);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith("/")) {
      return res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    }
    const index = join(path, "index.html");
    const indexInfo = await statOrUndefined(index);
    return indexInfo ? send(res, 200, index, indexInfo.size, method) : notFound(res, method);
  }
  if (info?.isFile()) return send(res, 200, path, info.size, method);
  return notFound(res, method);
});

server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  console.log(`Torchlit is being served from ${values.dir}/ at http://localhost:${port}${base}`);
});
