// Benchmarks the in-browser Python runtime (not a timed test): cold start of the code cells'
// runtime in headless Chromium (worker start to the first cell's result) against bare Pyodide's
// own load in the same run, the warm time of a one-line cell, and the bytes a first visit
// downloads before its first output. Writes docs/BENCHMARKS-runtime.md.
// Needs a build (npm run build). Usage: node scripts/bench-runtime.mjs [--rounds 5] [--warm 20]
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium.ts";
import { createStaticHost } from "../src/server/static-host.ts";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, warm: { type: "string", default: "20" } },
});
const rounds = Number(values.rounds);
const warmRuns = Number(values.warm);
const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const pyodideDir = join(root, "node_modules", "pyodide");
const pyodideVersion = JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8")).version;
const pyodidePath = `/_torchlit/pyodide/${pyodideVersion}/`;
if (!existsSync(join(dist, pyodidePath))) {
  console.error("bench-runtime: build the site first (npm run build)");
  process.exit(1);
}

// The site as `npm start` serves it (src/server/static-host.ts: the build's Brotli/gzip copies,
// as Chromium asks for them from localhost), plus /__bench/ with Pyodide's own loader for the
// bare-Pyodide baseline (the site bundles that loader into its worker instead).
const site = createStaticHost({ root: dist, base: "/" });
const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  if (!path.startsWith("/__bench/")) return void site(req, res);
  if (path === "/__bench/") {
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>bench</title>");
    return;
  }
  const file = join(pyodideDir, path.slice("/__bench/".length));
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[extname(file)] ?? "" });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://localhost:${server.address().port}`;

const loadAtStart = loadavg()[0];
const browser = await chromium.launch(chromiumLaunchOptions());

/** Bare Pyodide: module worker start to loadPyodide() done and one line of Python run. */
async function bare() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/__bench/`);
  const ms = await page.evaluate(
    async ({ origin, pyodidePath }) => {
      const src = `import { loadPyodide } from "${origin}/__bench/pyodide.mjs";
        const py = await loadPyodide({ indexURL: "${origin}${pyodidePath}" });
        postMessage(py.runPython("1 + 1"));`;
      const url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
      const t0 = performance.now();
      const worker = new Worker(url, { type: "module" });
      await new Promise((r, j) => {
        worker.onmessage = r;
        worker.onerror = (e) => j(new Error(e.message));
      });
      return performance.now() - t0;
    },
    { origin, pyodidePath },
  );
  await context.close();
  return ms;
}

/** Torchlit: the lesson page's worker start to cell 1's result; then warm one-line runs. */
async function torchlit(measureWarm) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Stamp the moment cell 1 shows its result, in the page's clock (no polling delay).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const first = document.querySelector('[data-tl-cell][data-index="1"]');
      if (first?.getAttribute("data-state") === "ok") {
        globalThis.__firstResultAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
  });
  // Bytes to first output: every response of the page and its worker until cell 1's result,
  // as sent (body after compression, plus headers) and as the files are on disk.
  const finished = [];
  const onFinished = (request) => finished.push(request);
  page.on("requestfinished", onFinished);
  await page.goto(`${origin}/en/tensors/`);
  const cell = (n) => page.locator("[data-tl-cell]").nth(n - 1);
  await cell(1).getByRole("button", { name: "Run", exact: true }).click();
  await page
    .locator('[data-tl-cell][data-index="1"][data-state="ok"]')
    .waitFor({ timeout: 120_000 });
  page.off("requestfinished", onFinished);
  const bytes = { sent: 0, onDisk: 0, files: 0 };
  for (const request of finished) {
    const sizes = await request.sizes();
    bytes.sent += sizes.responseBodySize + sizes.responseHeadersSize;
    const path = decodeURIComponent(new URL(request.url()).pathname);
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (existsSync(file)) bytes.onDisk += statSync(file).size;
    bytes.files++;
  }
  const cold = await page.evaluate(() => {
    const start = performance.getEntriesByName("torchlit:worker-start")[0]?.startTime ?? 0;
    return globalThis.__firstResultAt - start;
  });
  const warm = [];
  if (measureWarm) {
    await cell(3).locator(".tl-cell-code").click();
    await cell(3).locator(".cm-content").waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("1 + 1");
    for (let i = 0; i < warmRuns; i++) {
      warm.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const root = document.querySelectorAll("[data-tl-cell]")[2];
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                if (root.getAttribute("data-state") === "ok") {
                  observer.disconnect();
                  resolve(performance.now() - t0);
                }
              });
              observer.observe(root, { attributes: true, attributeFilter: ["data-state"] });
              root.querySelector('[data-action="run"]').click();
            }),
        ),
      );
    }
  }
  await context.close();
  return { cold, warm, bytes };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

const bareMs = [];
const coldMs = [];
let warmMs = [];
let firstVisit;
for (let i = 0; i < rounds; i++) {
  // Alternate the order so neither side always runs on a warmer machine.
  if (i % 2 === 0) {
    bareMs.push(await bare());
    const t = await torchlit(false);
    coldMs.push(t.cold);
    firstVisit = t.bytes;
  } else {
    const t = await torchlit(i === 1);
    coldMs.push(t.cold);
    if (t.warm.length) warmMs = t.warm;
    bareMs.push(await bare());
  }
  console.log(`round ${i + 1}: bare ${fmt(bareMs.at(-1))}, torchlit cold ${fmt(coldMs.at(-1))}`);
}
if (warmMs.length === 0) warmMs = (await torchlit(true)).warm;
const version = browser.version();
await browser.close();
server.close();

const ratio = median(coldMs) / median(bareMs);
const warmMedian = median(warmMs);
const cpu = cpus();
const loadEnd = loadavg()[0];
const busy = Math.max(loadAtStart, loadEnd) > cpu.length;
const machine = `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}; Chromium ${version} headless`;
const report = `# Runtime benchmarks

Written by \`node scripts/bench-runtime.mjs\` (${rounds} rounds, ${warmRuns} warm runs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.
The same runtime in Node (cold start, warm run, per-op overhead of the Python layer): [engine/BENCHMARKS.md](../engine/BENCHMARKS.md#python-runtime).

Each round uses a fresh browser context (empty HTTP cache), served from localhost.
${busy ? `\n**Caution:** the machine was busy (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end, on ${cpu.length} cores), so cold-start times vary by seconds between rounds and the ratio below is within that noise; rerun on a quiet machine before quoting it.\n` : ""}
| Measure | Median | Samples |
| --- | --- | --- |
| Bare Pyodide: worker start to \`loadPyodide()\` + one line | ${fmt(median(bareMs))} | ${bareMs.map(fmt).join(", ")} |
| Torchlit cold start: worker start to cell 1's result (engine, torch imported) | ${fmt(median(coldMs))} | ${coldMs.map(fmt).join(", ")} |
| Warm one-line cell (\`1 + 1\`), click to result shown | ${fmt(warmMedian)} | ${warmMs.map(fmt).join(", ")} |

Bytes to first output on a first visit (\`/en/tensors/\`, click Run on cell 1, empty cache):
${firstVisit.files} responses, **${mb(firstVisit.sent)} sent** (bodies as compressed by the server, Chromium asking for
Brotli from localhost, plus headers), ${mb(firstVisit.onDisk)} as the files are on disk.

Bars (issue 5):

- Cold start within 25% of bare Pyodide: ratio ${ratio.toFixed(2)} — **${ratio <= 1.25 ? "met" : "not met"}**.
- Warm one-line cell under 50 ms: ${fmt(warmMedian)} — **${warmMedian < 50 ? "met" : "not met"}**.
`;
writeFileSync(join(root, "docs", "BENCHMARKS-runtime.md"), report);
console.log(report);
