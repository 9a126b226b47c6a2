// Client script of the device toggle: restores the reader's choice (localStorage, shared by every
// page), hands it to the runtime host as the page's device, and asks the worker for the GPU only
// once the reader wants it (a click on GPU, or a stored GPU choice once Python has loaded). Never
// probes WebGPU during page load: the only early check is whether navigator.gpu exists.

import type { UiStrings } from "../../i18n/strings.ts";
import { getRuntimeHost } from "../../runtime/host.ts";
import type { Device, GpuInfo } from "../../runtime/host-types.ts";

type DeviceStrings = UiStrings["device"];

export const STORAGE_KEY = "torchlit:device";

function stored(): Device {
  try {
    return localStorage.getItem(STORAGE_KEY) === "cuda" ? "cuda" : "cpu";
  } catch {
    return "cpu"; // storage blocked (privacy settings): the default, every page
  }
}

function remember(device: Device): void {
  try {
    localStorage.setItem(STORAGE_KEY, device);
  } catch {
    // Not remembered across pages; the choice still holds on this one.
  }
}

/** Why the GPU cannot be used, in the page's language; the browser's own words stay as they are. */
export function unavailableText(t: DeviceStrings, info: GpuInfo): string {
  const reason = t.reasons[info.problem ?? "failed"].replace("{detail}", info.detail ?? "");
  return t.unavailable.replace("{reason}", reason);
}

export function hydrateDeviceToggle(): void {
  const root = document.querySelector<HTMLElement>("[data-tl-device]");
  // Hydrated once: a second call finds the toggle already shown.
  if (!root?.hidden) return;
  const t = JSON.parse(root.getAttribute("data-strings") ?? "{}") as DeviceStrings;
  const radio = (device: Device): HTMLInputElement =>
    root.querySelector<HTMLInputElement>(`input[value="${device}"]`) as HTMLInputElement;
  const note = root.querySelector<HTMLElement>(".tl-device-note") as HTMLElement;
  const host = getRuntimeHost();
  let asked = false;

  const select = (device: Device): void => {
    radio(device).checked = true;
    root.setAttribute("data-device", device);
    host.setDevice(device);
  };
  const unavailable = (text: string): void => {
    const gpu = radio("cuda");
    gpu.disabled = true;
    gpu.parentElement?.setAttribute("title", text);
    note.textContent = text;
    root.setAttribute("data-gpu", "unavailable");
    select("cpu");
  };
  const ask = async (): Promise<void> => {
    if (asked) return;
    asked = true;
    note.textContent = t.checking;
    root.setAttribute("data-gpu", "checking");
    const info = await host.gpuInfo();
    if (info.available) {
      note.textContent = t.onGpu.replace("{adapter}", info.adapter ?? "WebGPU");
      root.setAttribute("data-gpu", "available");
    } else unavailable(unavailableText(t, info));
  };

  // A GPU that was there can go (a driver reset, or out of memory): after each run on it, ask
  // again, and if it is gone say so and turn the page's runs back to the CPU. The choice stays
  // remembered, so a reload tries the GPU afresh.
  host.onRunEnd(() => {
    if (host.device !== "cuda" || root.getAttribute("data-gpu") !== "available") return;
    void host.gpuInfo().then((info) => {
      if (!info.available) unavailable(unavailableText(t, info));
    });
  });

  root.hidden = false;
  if (!("gpu" in navigator)) {
    unavailable(t.noWebGpu);
    return;
  }
  select(stored());
  for (const device of ["cpu", "cuda"] as const) {
    radio(device).addEventListener("change", () => {
      if (!radio(device).checked) return;
      remember(device);
      select(device);
      if (device === "cuda") void ask();
    });
  }
  // A GPU chosen on an earlier page is checked once Python is up (on intent or idle after load).
  if (host.device === "cuda") {
    if (host.progress.phase === "ready") void ask();
    else {
      const off = host.onProgress((p) => {
        if (p.phase !== "ready") return;
        off();
        if (host.device === "cuda") void ask();
      });
    }
  }
}
