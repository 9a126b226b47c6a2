// The device-timing figure in the browser: after the page's load event, once the figure nears
// the viewport, it loads the view (d3-scale, d3-shape) and enables Run. Nothing is measured
// until the reader presses Run: then a fresh module worker (worker.ts) measures each ticked
// size and the figure redraws as each checked row arrives; Stop terminates the worker.
import { fill } from "../shared/html.ts";
import { loadWhenNear } from "../shared/lazy.ts";
import type { Row } from "./model.ts";
import type { FromTimingWorker, RunRequest } from "./protocol.ts";
import type { DeviceTimingStrings, GpuState } from "./view.ts";

async function hydrate(root: HTMLElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? "{}") as DeviceTimingStrings;
  const form = root.querySelector("form") as HTMLFormElement;
  const status = root.querySelector(".tl-dt-status") as HTMLElement;
  const adapterLine = root.querySelector(".tl-dt-adapter") as HTMLElement;
  const body = root.querySelector(".tl-dt-body") as HTMLElement;
  const tableWrap = root.querySelector(".tl-dt-table-wrap") as HTMLElement;
  const announce = root.querySelector(".tl-dt-announce") as HTMLElement;
  const runButton = form.querySelector('[data-action="run"]') as HTMLButtonElement;
  const stopButton = form.querySelector('[data-action="stop"]') as HTMLButtonElement;
  const runsSelect = form.elements.namedItem("runs") as HTMLSelectElement;
  const idle = status.textContent ?? "";
  const view = await loadView(root, status, t);
  if (!view) return;
  status.textContent = idle;

  const pageHasGpu = Boolean((navigator as { gpu?: unknown }).gpu);
  const noWebGpu = (): GpuState => ({ kind: "none", reason: t.reasons["no-webgpu"] });
  let gpu: GpuState = pageHasGpu ? { kind: "unknown" } : noWebGpu();
  let rows: Row[] = [];
  let runs = Number(runsSelect.value);
  let worker: Worker | null = null;

  // A scroll box must be reachable by keyboard, so it is a Tab stop while it scrolls.
  const scrollStop = (): void => {
    if (tableWrap.scrollWidth > tableWrap.clientWidth) tableWrap.tabIndex = 0;
    else tableWrap.removeAttribute("tabindex");
  };
  new ResizeObserver(scrollStop).observe(tableWrap);
  const draw = (): void => {
    body.innerHTML = view.renderChart(rows, t, gpu);
    tableWrap.innerHTML = view.renderTable(rows, t, gpu, runs);
    tableWrap.setAttribute("aria-label", fill(t.tableCaption, { runs }));
    scrollStop();
  };
  const setState = (state: "idle" | "running" | "done" | "stopped" | "error"): void => {
    root.dataset.state = state;
    const running = state === "running";
    runButton.disabled = running;
    stopButton.disabled = !running;
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select"))
      el.disabled = running;
  };
  const end = (state: "done" | "stopped" | "error", text: string): void => {
    worker?.terminate();
    worker = null;
    status.textContent = text;
    setState(state);
    // Focus stays useful: back on Run when Stop (now disabled) had it.
    if (document.activeElement === stopButton || document.activeElement === document.body)
      runButton.focus();
  };

  const onMessage = (m: FromTimingWorker): void => {
    switch (m.type) {
      case "gpu": {
        gpu = m.available
          ? { kind: "available", adapter: m.adapter ?? "" }
          : {
              kind: "none",
              reason: fill(t.reasons[m.problem ?? "failed"], { detail: m.detail ?? "" }),
            };
        adapterLine.hidden = !m.available;
        adapterLine.textContent = m.available ? fill(t.adapter, { adapter: m.adapter ?? "" }) : "";
        root.dataset.gpu = m.available ? "available" : "none";
        draw();
        return;
      }
      case "progress": {
        const phase = fill(t.phases[m.phase], { run: m.run ?? 0, runs });
        status.textContent = fill(t.progress, {
          n: m.n,
          device: m.device === "cpu" ? t.cpu : t.gpu,
          phase,
        });
        return;
      }
      case "row":
        rows = [...rows.filter((r) => r.n !== m.row.n), m.row];
        draw();
        announce.textContent = view.rowAnnouncement(m.row, t);
        return;
      case "done": {
        const said = gpu.kind === "available" ? view.crossoverText(rows, t) : null;
        end("done", said ? `${t.done} ${said}` : t.done);
        return;
      }
      case "error":
        end("error", fill(t.failedRun, { message: m.message }));
        return;
      default: {
        const never: never = m;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const sizes = [...form.querySelectorAll<HTMLInputElement>("input[name=size]:checked")].map(
      (el) => Number(el.value),
    );
    if (sizes.length === 0) {
      status.textContent = t.pickSize;
      return;
    }
    worker?.terminate();
    runs = Number(runsSelect.value);
    rows = [];
    gpu = pageHasGpu ? { kind: "unknown" } : noWebGpu();
    draw();
    setState("running");
    status.textContent = t.starting;
    const w = new Worker(new URL("./worker.ts", import.meta.url), {
      type: "module",
      name: "torchlit-device-timing",
    });
    worker = w;
    w.addEventListener("message", (e: MessageEvent<FromTimingWorker>) => {
      if (worker === w) onMessage(e.data);
    });
    w.addEventListener("error", (e) => {
      e.preventDefault();
      if (worker === w) end("error", fill(t.failedRun, { message: e.message || "worker" }));
    });
    const request: RunRequest = { type: "run", sizes, runs, pageHasGpu };
    w.postMessage(request);
  });
  stopButton.addEventListener("click", () => {
    if (worker) end("stopped", t.stopped);
  });

  if (!pageHasGpu) root.dataset.gpu = "none";
  draw();
  setState("idle");
  form.dataset.ready = "true";
}

function loadView(root: HTMLElement, status: HTMLElement, t: DeviceTimingStrings) {
  return loadWhenNear(root, status, t, () => import("./view.ts"));
}

export function hydrateDeviceTiming(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="device-timing"]')) {
    if (root.dataset.hydrated) continue;
    root.dataset.hydrated = "true";
    void hydrate(root);
  }
}
