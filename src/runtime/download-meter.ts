// Counts the bytes of Pyodide's runtime files as the worker receives them, so the page can show
// how much of the download is done. Pyodide fetches its files itself (loadPyodide), so the
// worker hands it a fetch that counts a copy of each known file's body as it arrives; everything
// else goes to the real fetch untouched. The sizes come from the build (runtime-assets.ts): the
// bytes as the worker reads them, after any Content-Encoding was undone.

export interface DownloadProgress {
  /** Bytes received so far, of `total`. */
  received: number;
  total: number;
}

/**
 * A fetch that meters the files in `sizes` (file name under `indexURL` → bytes) and reports
 * through `onProgress`, at most once per `intervalMs` and always when a file ends. The caller
 * gets the real response back untouched.
 */
export function meteredFetch(
  realFetch: typeof fetch,
  indexURL: string,
  sizes: Readonly<Record<string, number>>,
  onProgress: (p: DownloadProgress) => void,
  intervalMs = 100,
): typeof fetch {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const received = new Map<string, number>();
  let reportedAt = Number.NEGATIVE_INFINITY;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - reportedAt < intervalMs) return;
    reportedAt = now;
    let sum = 0;
    for (const [name, n] of received) sum += Math.min(n, sizes[name] ?? 0);
    onProgress({ received: sum, total });
  };
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = url.startsWith(indexURL) ? url.slice(indexURL.length).split(/[?#]/)[0] : "";
    const response = await realFetch(input, init);
    if (!name || !(name in sizes) || !response.ok || !response.body) return response;
    received.set(name, 0);
    // The clone is read and counted on the side; Pyodide gets the response itself, URL and all,
    // so the browser still caches the compiled Wasm for the next visit.
    void count(name, response.clone().body);
    return response;
  };

  async function count(name: string, body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (!body) return;
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received.set(name, (received.get(name) ?? 0) + value.byteLength);
        report(false);
      }
      // A file whose size differs from the build's (a host that rewrites it) still ends at 100 %.
      received.set(name, sizes[name] ?? 0);
      report(true);
    } catch {
      // The download failed: Pyodide reads the same error from its own copy and says so.
    }
  }
}
