import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControl, createStaticHost, pickEncoding } from "./static-host.ts";

describe("pickEncoding", () => {
  const both = new Set(["br", "gzip"] as const);
  it("prefers Brotli, then gzip, among what the client accepts and the build has", () => {
    expect(pickEncoding("gzip, deflate, br", both)).toBe("br");
    expect(pickEncoding("gzip, deflate", both)).toBe("gzip");
    expect(pickEncoding("br", new Set(["gzip"] as const))).toBeUndefined();
    expect(pickEncoding(undefined, both)).toBeUndefined();
    expect(pickEncoding("", both)).toBeUndefined();
  });
  it("honours q-values and *", () => {
    expect(pickEncoding("br;q=0, gzip;q=0.5", both)).toBe("gzip");
    expect(pickEncoding("*", both)).toBe("br");
    expect(pickEncoding("*;q=0", both)).toBeUndefined();
    expect(pickEncoding("br;q=0, *", both)).toBe("gzip");
    expect(pickEncoding("BR ; Q=1", both)).toBe("br");
    expect(pickEncoding("br;q=nonsense, gzip", both)).toBe("gzip");
  });
});

describe("cacheControl", () => {
  it("keeps hashed and versioned files a year, revalidates the rest", () => {
    expect(cacheControl("_astro/worker-DMV2QGp5.js")).toContain("immutable");
    expect(cacheControl("_torchlit/pyodide/314.0.7/pyodide.asm.wasm")).toContain(
      "max-age=31536000",
    );
    expect(cacheControl("en/tensors/index.html")).toBe("no-cache");
    expect(cacheControl("pagefind/pagefind.js")).toBe("no-cache");
  });
});

describe("createStaticHost", () => {
  let root: string;
  let server: Server;
  let origin: string;
  const page = "<p>hello</p>\n".repeat(300);
  const script = "export const x = 1;\n".repeat(300);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "static-host-"));
    await mkdir(join(root, "en", "tensors"), { recursive: true });
    await mkdir(join(root, "_astro"));
    await writeFile(join(root, "en", "tensors", "index.html"), page);
    await writeFile(join(root, "en", "tensors", "index.html.br"), brotliCompressSync(page));
    await writeFile(join(root, "en", "tensors", "index.html.gz"), gzipSync(page));
    await writeFile(join(root, "_astro", "a-1234.js"), script);
    await writeFile(join(root, "_astro", "a-1234.js.gz"), gzipSync(script));
    await writeFile(join(root, "plain.txt"), "no copies");
    await writeFile(join(root, "404.html"), "missing");
    server = createServer(
      (req, res) => void createStaticHost({ root, base: "/course/" })(req, res),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await rm(root, { recursive: true, force: true });
  });

  /** A raw request (fetch would decode the body and could add its own Accept-Encoding). */
  function get(path: string, headers: Record<string, string> = {}, method = "GET") {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(`${origin}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        });
        req.on("error", reject);
        req.end();
      },
    );
  }

  it("serves the Brotli copy to a client that accepts it, with its length and Vary", async () => {
    const res = await get("/course/en/tensors/", { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toBe("accept-encoding");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toEqual(brotliCompressSync(page));
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
  });

  it("serves gzip where Brotli is not accepted, and the file itself where neither is", async () => {
    const gz = await get("/course/en/tensors/index.html", { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body).toEqual(gzipSync(page));
    const plain = await get("/course/en/tensors/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("accept-encoding");
    expect(plain.body.toString()).toBe(page);
  });

  it("falls back to gzip when a file has no Brotli copy, and sends no Vary for files without copies", async () => {
    const js = await get("/course/_astro/a-1234.js", { "accept-encoding": "br, gzip" });
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const txt = await get("/course/plain.txt", { "accept-encoding": "br, gzip" });
    expect(txt.headers["content-encoding"]).toBeUndefined();
    expect(txt.headers.vary).toBeUndefined();
    expect(txt.headers["cache-control"]).toBe("no-cache");
  });

  it("answers a revalidation of an unchanged file with 304, per encoding", async () => {
    const first = await get("/course/en/tensors/", { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    const again = await get("/course/en/tensors/", {
      "accept-encoding": "br",
      "if-none-match": etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The gzip answer is another representation: its tag differs, so the br tag does not match.
    const gz = await get("/course/en/tensors/", {
      "accept-encoding": "gzip",
      "if-none-match": etag,
    });
    expect(gz.status).toBe(200);
    expect(gz.headers.etag).not.toBe(etag);
  });

  it("answers HEAD with the headers only", async () => {
    const res = await get("/course/en/tensors/", { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBe(0);
  });

  it("redirects folders and the bare base, and serves 404.html outside the site", async () => {
    expect((await get("/course")).headers.location).toBe("/course/");
    expect((await get("/course/en/tensors")).headers.location).toBe("/course/en/tensors/");
    const missing = await get("/course/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe("missing");
    expect((await get("/elsewhere/")).status).toBe(404);
    expect((await get("/course/%E0%A4%A")).status).toBe(400);
    expect((await get("/course/x", {}, "POST")).status).toBe(405);
  });
});
