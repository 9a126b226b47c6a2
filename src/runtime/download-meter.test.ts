import { describe, expect, it } from "vitest";
import { type DownloadProgress, meteredFetch } from "./download-meter.ts";

const INDEX = "https://example.test/_torchlit/pyodide/1/";

/** A fetch that answers every URL with `bytes` zero bytes, in chunks of `chunk`. */
function fakeFetch(bytes: number, chunk: number, type = "application/wasm"): typeof fetch {
  return async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        const n = Math.min(chunk, bytes - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n));
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": type } });
  };
}

/** Lets the side reader of a clone catch up (it runs on its own promise chain). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("meteredFetch", () => {
  it("hands back the real response, so the browser can cache the compiled Wasm", async () => {
    const real = new Response("x", { status: 200 });
    const f = meteredFetch(
      async () => real,
      INDEX,
      { "a.wasm": 1 },
      () => {},
    );
    expect(await f(`${INDEX}a.wasm`)).toBe(real);
  });

  it("counts a known file's bytes as they are read, and ends at the total", async () => {
    const seen: DownloadProgress[] = [];
    const f = meteredFetch(fakeFetch(1000, 100), INDEX, { "a.wasm": 1000, "b.zip": 3000 }, (p) =>
      seen.push(p),
    );
    const response = await f(`${INDEX}a.wasm`);
    expect(response.headers.get("content-type")).toBe("application/wasm");
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
    await settled();
    expect(seen.at(-1)).toEqual({ received: 1000, total: 4000 });
    // Reported as it went, not only at the end: the first report came after one chunk.
    expect(seen[0]?.received).toBe(100);
  });

  it("reports at most once per interval, and always when a file ends", async () => {
    const seen: DownloadProgress[] = [];
    const f = meteredFetch(
      fakeFetch(1000, 10),
      INDEX,
      { "a.wasm": 1000 },
      (p) => seen.push(p),
      60_000,
    );
    await (await f(`${INDEX}a.wasm`)).arrayBuffer();
    await settled();
    expect(seen).toEqual([
      { received: 10, total: 1000 },
      { received: 1000, total: 1000 },
    ]);
  });

  it("leaves other URLs alone", async () => {
    const seen: DownloadProgress[] = [];
    const real = fakeFetch(50, 50, "text/html");
    const f = meteredFetch(real, INDEX, { "a.wasm": 1000 }, (p) => seen.push(p));
    await (await f("https://example.test/en/tensors/")).arrayBuffer();
    await (await f(`${INDEX}other.json`)).arrayBuffer();
    expect(seen).toEqual([]);
  });

  it("ends a file at its build size even when the host sent a different length", async () => {
    const seen: DownloadProgress[] = [];
    const f = meteredFetch(fakeFetch(700, 100), INDEX, { "a.wasm": 1000 }, (p) => seen.push(p));
    await (await f(`${INDEX}a.wasm?v=1`)).arrayBuffer();
    await settled();
    expect(seen.at(-1)).toEqual({ received: 1000, total: 1000 });
  });

  it("passes a failed response through uncounted", async () => {
    const seen: DownloadProgress[] = [];
    const missing: typeof fetch = async () => new Response("no", { status: 404 });
    const f = meteredFetch(missing, INDEX, { "a.wasm": 1000 }, (p) => seen.push(p));
    expect((await f(`${INDEX}a.wasm`)).status).toBe(404);
    expect(seen).toEqual([]);
  });
});
