// Benchmarks the in-browser Python runtime (not a timed test), in headless Chromium: click to
// first output on a first and a repeat visit (with the start-up's two phases), bare Pyodide's
// own load in the same run as the reference, a warm one-line cell, the bytes a first visit
// downloads before its first output, and how quickly the page answers a click while a cell
// prints without end. Writes docs/BENCHMARKS-runtime.md.
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

/**
 * In the page: clicks cell `index`'s Run (a DOM click, so no hover starts Python first) and
 * resolves with the milliseconds from the click event's time to the first frame after the cell
 * shows its result.
 */
function clickToFrame(index) {
  return new Promise((resolve) => {
    const root = document.querySelectorAll("[data-tl-cell]")[index - 1];
    const button = root.querySelector('[data-action="run"]');
    let clickedAt = 0;
    button.addEventListener("click", (e) => (clickedAt = e.timeStamp), { once: true });
    const observer = new MutationObserver(() => {
      if (root.getAttribute("data-state") !== "ok") return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - clickedAt));
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-state"] });
    button.click();
  });
}

/**
 * In the page: for `ms`, how the main thread answers the reader: the delay from each click's
 * event time to its handler, and the gaps between animation frames. Clicks come from the
 * bench (real input events) on a probe button added for the measure.
 */
function watchResponsiveness() {
  const probe = document.createElement("button");
  probe.id = "bench-probe";
  probe.textContent = "probe";
  probe.style.cssText = "position:fixed;top:0;left:0;z-index:9999";
  document.body.append(probe);
  const clicks = [];
  probe.addEventListener("click", (e) => clicks.push(performance.now() - e.timeStamp));
  const frames = [];
  let last = performance.now();
  let watching = true;
  const frame = (t) => {
    frames.push(t - last);
    last = t;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__benchStop = () => {
    watching = false;
    probe.remove();
    return { clicks, frames };
  };
}

/** Clicks the probe `n` times, `gapMs` apart, and returns what watchResponsiveness saw. */
async function probeClicks(page, n, gapMs) {
  await page.evaluate(watchResponsiveness);
  for (let i = 0; i < n; i++) {
    await page.mouse.click(10, 10);
    await page.waitForTimeout(gapMs);
  }
  return page.evaluate(() => window.__benchStop());
}

/** The page's start-up marks (src/runtime/host.ts), relative to the worker's start. */
function phases() {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const start = at("torchlit:worker-start") ?? 0;
  return {
    pyodide: (at("torchlit:starting") ?? Number.NaN) - start,
    torch: (at("torchlit:ready") ?? Number.NaN) - (at("torchlit:starting") ?? Number.NaN),
  };
}

/**
 * Torchlit on /en/tensors/, in a fresh context: a first visit (empty cache), then a repeat visit
 * in a new page of the same context (files cached); on each, Run on cell 1 clicked as soon as
 * the load event has fired. Then, on the repeat visit, warm one-line runs.
 */
async function torchlit(measureWarm) {
  const context = await browser.newContext();
  const url = `${origin}/en/tensors/`;
  // Bytes to first output: every response of the page and its worker until cell 1's result,
  // as sent (body after compression, plus headers) and as the files are on disk.
  const first = await context.newPage();
  const finished = [];
  const onFinished = (request) => finished.push(request);
  first.on("requestfinished", onFinished);
  await first.goto(url, { waitUntil: "load" });
  const firstClick = await first.evaluate(clickToFrame, 1);
  const firstPhases = await first.evaluate(phases);
  first.off("requestfinished", onFinished);
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
  await first.close();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const repeatClick = await page.evaluate(clickToFrame, 1);
  const repeatPhases = await page.evaluate(phases);
  const warm = [];
  if (measureWarm) {
    const cell = page.locator("[data-tl-cell]").nth(2);
    await cell.locator(".tl-cell-code").click();
    await cell.locator(".cm-content").waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("1 + 1");
    for (let i = 0; i < warmRuns; i++) warm.push(await page.evaluate(clickToFrame, 3));
  }
  // The page answering the reader while a cell prints without end, beside the same page idle.
  let idle = null;
  let streaming = null;
  if (measureWarm) {
    idle = await probeClicks(page, 20, 100);
    const cell = page.locator("[data-tl-cell]").nth(1);
    await cell.locator(".tl-cell-code").click();
    await cell.locator(".cm-content").waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('while True:\n    print("x")');
    await page.keyboard.press("Shift+Enter");
    await cell.locator('[data-role="output-hidden"]').waitFor();
    streaming = await probeClicks(page, 20, 100);
    await cell.getByRole("button", { name: "Stop", exact: true }).click();
  }
  await context.close();
  return { firstClick, firstPhases, repeatClick, repeatPhases, warm, bytes, idle, streaming };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

const bareMs = [];
const runs = [];
let warmMs = [];
let responsive = null;
for (let i = 0; i < rounds; i++) {
  // Alternate the order so neither side always runs on a warmer machine.
  if (i % 2 === 0) bareMs.push(await bare());
  const t = await torchlit(i === 1);
  runs.push(t);
  if (t.warm.length) warmMs = t.warm;
  if (t.streaming) responsive = t;
  if (i % 2 === 1) bareMs.push(await bare());
  console.log(
    `round ${i + 1}: bare ${fmt(bareMs.at(-1))}, first visit ${fmt(t.firstClick)}, repeat ${fmt(t.repeatClick)}`,
  );
}
if (warmMs.length === 0) {
  responsive = await torchlit(true);
  warmMs = responsive.warm;
}
const version = browser.version();
await browser.close();
server.close();

const col = (pick) => runs.map(pick);
const firstMs = col((r) => r.firstClick);
const repeatMs = col((r) => r.repeatClick);
const warmMedian = median(warmMs);
const bytes = runs[0].bytes;
const cpu = cpus();
const loadEnd = loadavg()[0];
const busy = Math.max(loadAtStart, loadEnd) > cpu.length;
const machine = `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}; Chromium ${version} headless`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
/** A table row: the label, the median of the samples, and the samples. */
const row = (label, xs) => `| ${label} | ${fmt(median(xs))} | ${xs.map(fmt).join(", ")} |`;
/** A responsiveness row: a median, a 95th percentile and a worst case. */
const spread = (label, xs) =>
  `| ${label} | ${fmt(median(xs))} | ${fmt(quantile(xs, 0.95))} | ${fmt(Math.max(...xs))} | ${xs.length} |`;
const { idle, streaming } = responsive;
const report = `# Runtime benchmarks

Written by \`node scripts/bench-runtime.mjs\` (${rounds} rounds, ${warmRuns} warm runs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.
The same runtime in Node (cold start, warm run, per-op overhead of the Python layer): [engine/BENCHMARKS.md](../engine/BENCHMARKS.md#python-runtime).

Each round uses a fresh browser context (empty HTTP cache), served from localhost by the site's
own static host (src/server/static-host.ts), as \`npm start\` serves it.
${busy ? `\n**Caution:** the machine was busy (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end, on ${cpu.length} cores), so start-up times vary by seconds between rounds; rerun on a quiet machine before quoting them.\n` : ""}
| Measure | Median | Samples |
| --- | --- | --- |
${row("Bare Pyodide: worker start to `loadPyodide()` + one line (first visit)", bareMs)}
${row("First visit: click on Run (right after the load event) to the frame showing cell 1's output", firstMs)}
${row(
  "… of which Pyodide's start (worker start to Pyodide up: download, compile, standard library)",
  col((r) => r.firstPhases.pyodide),
)}
${row(
  "… of which the engine and `import torch`",
  col((r) => r.firstPhases.torch),
)}
${row("Repeat visit (files in the HTTP cache): click on Run to the frame showing cell 1's output", repeatMs)}
${row(
  "… of which Pyodide's start",
  col((r) => r.repeatPhases.pyodide),
)}
${row(
  "… of which the engine and `import torch`",
  col((r) => r.repeatPhases.torch),
)}
${row("Warm one-line cell (`1 + 1`): click on Run to the frame showing its output", warmMs)}

The page answering the reader while a cell prints without end (\`while True: print("x")\`,
its output bounded and batched), beside the same page idle: 20 clicks 100 ms apart on a button,
from each click's event time to its handler, and the gaps between animation frames meanwhile.

| Measure | Median | 95th percentile | Worst | Samples |
| --- | --- | --- | --- | --- |
${spread("Click to its handler, page idle", idle.clicks)}
${spread("Click to its handler, while a cell prints without end", streaming.clicks)}
${spread("Gap between frames, page idle", idle.frames)}
${spread("Gap between frames, while a cell prints without end", streaming.frames)}

Bytes to first output on a first visit: ${bytes.files} responses, **${mb(bytes.sent)} sent**
(bodies as compressed by the server, Chromium asking for Brotli from localhost, plus headers);
the same files are ${mb(bytes.onDisk)} on disk.

Goals (issue 18; each click is a DOM click issued right after the load event, no hover first):

- First visit within 2.0 s: ${fmt(median(firstMs))} — **${median(firstMs) <= 2000 ? "met" : "not met"}**.
- Repeat visit within 1.0 s: ${fmt(median(repeatMs))} — **${median(repeatMs) <= 1000 ? "met" : "not met"}**.
- At most 5 MB to first output: ${mb(bytes.sent)} — **${bytes.sent <= 5e6 ? "met" : "not met"}**.
- Warm \`1 + 1\` within 20 ms: ${fmt(warmMedian)} — **${warmMedian <= 20 ? "met" : "not met"}**.
`;
writeFileSync(join(root, "docs", "BENCHMARKS-runtime.md"), report);
console.log(report);
