// Serves the built site for `npm start`, `npm run preview` and the e2e tests, as a plain static
// host would (src/server/static-host.ts: index.html for folders, 404.html for misses, the
// build's .br/.gz copies to clients that accept them, long-lived caching of hashed files). The
// site is mounted at the base path (TORCHLIT_BASE), so it also shows whether a build works from
// a subfolder.
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createStaticHost } from "../src/server/static-host.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "dist" },
    port: { type: "string", default: process.env.PORT ?? "4321" },
    host: { type: "string", default: "127.0.0.1" },
    base: { type: "string", default: process.env.TORCHLIT_BASE ?? "/" },
  },
});

const host = createStaticHost({ root: resolve(values.dir), base: values.base });
const server = createServer((req, res) => {
  host(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  const base = `/${values.base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  console.log(`Torchlit is being served from ${values.dir}/ at http://localhost:${port}${base}`);
});
