// The CPU/GPU toggle on lesson pages: one per page, keyboard operable, remembered across pages
// and reloads, and, in Chromium with the SwiftShader WebGPU adapter (e2e/support/chromium.ts),
// enabled: choosing GPU brings up WebGPU in the Python worker, makes "cuda" the default device of
// later runs, names the adapter (torch.cuda.get_device_name() and host.gpuInfo() agree) and
// dispatches WGSL kernels. Without an adapter the GPU test is skipped locally, fails under CI=true.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { runInCell } from "./support/cells.ts";
import { expectPageAdapter, gpuInfo, requireAdapter } from "./support/gpu.ts";

/** Axe's WCAG 2.x A/AA findings inside the toggle, in whatever state it is in now. */
const axeToggle = async (page: Page): Promise<string[]> =>
  (
    await new AxeBuilder({ page })
      .include("[data-tl-device]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze()
  ).violations.map((v) => `${v.id}: ${v.help}`);

const toggle = (page: Page) => page.getByRole("group", { name: "Run code on" });

test("one device toggle per lesson page, CPU by default, remembered after reload", async ({
  page,
}) => {
  await page.goto("en/memory/");
  await expect(toggle(page)).toHaveCount(1);
  await expect(toggle(page)).toBeVisible();
  const cpu = toggle(page).getByRole("radio", { name: "CPU" });
  const gpu = toggle(page).getByRole("radio", { name: "GPU" });
  await expect(cpu).toBeChecked();
  // Keyboard: focus the checked radio, arrow to the next one.
  await cpu.focus();
  await page.keyboard.press("ArrowRight");
  await expect(gpu).toBeChecked();
  await expect(gpu).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem("torchlit:device"))).toBe("cuda");
  await page.reload();
  await expect(toggle(page).getByRole("radio", { name: "GPU" })).toBeChecked();
  // And on another lesson, in the other language.
  await page.goto("zh-cn/tensors/");
  const zh = page.getByRole("group", { name: "代码运行于" });
  await expect(zh).toHaveCount(1);
  await expect(zh.getByRole("radio", { name: "GPU" })).toBeChecked();
  await zh.getByRole("radio", { name: "CPU" }).check();
  await page.goto("en/tensors/");
  await expect(toggle(page).getByRole("radio", { name: "CPU" })).toBeChecked();
});

test("pages without cells or exercises have no toggle", async ({ page }) => {
  await page.goto("en/glossary/");
  await expect(page.locator("main").first()).toBeVisible();
  await expect(page.locator("[data-tl-device]")).toHaveCount(0);
});

test("without WebGPU the GPU choice is disabled and says why, in the page's language", async ({
  page,
}) => {
  // A browser without WebGPU: navigator.gpu is gone before any page script runs.
  await page.addInitScript(() => {
    delete (Navigator.prototype as { gpu?: unknown }).gpu;
  });
  await page.goto("zh-cn/memory/");
  const group = page.getByRole("group", { name: "代码运行于" });
  await expect(group.getByRole("radio", { name: "GPU" })).toBeDisabled();
  await expect(group.getByRole("radio", { name: "CPU" })).toBeChecked();
  await expect(page.locator(".tl-device-note")).toHaveText(
    "GPU 不可用：此浏览器不支持 WebGPU，代码在 CPU 上运行。",
  );
  expect(await axeToggle(page)).toEqual([]);
});

// The worker's own reasons (it, not the page, asks for the adapter and needs JSPI), made real
// by patching the worker's bundle before it runs: the note says them in Chinese on zh-cn pages.
for (const { problem, patch, text } of [
  {
    problem: "no adapter",
    patch: "GPU.prototype.requestAdapter = async () => null;",
    text: "GPU 不可用，代码在 CPU 上运行：WebGPU 没有找到合适的 GPU 适配器",
  },
  {
    problem: "no JSPI",
    patch: "delete WebAssembly.Suspending; delete WebAssembly.Suspender;",
    text: "GPU 不可用，代码在 CPU 上运行：此浏览器无法在 GPU 计算时暂停 Python（缺少 WebAssembly JSPI）",
  },
]) {
  test(`when the worker finds ${problem}, GPU is disabled and the note says why in Chinese`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.route("**/_astro/worker-*.js", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${patch}\n${await response.text()}` });
    });
    await page.goto("zh-cn/memory/");
    const group = page.getByRole("group", { name: "代码运行于" });
    // click(), not check(): the page may fall back to CPU before check() looks at the radio.
    await group.getByRole("radio", { name: "GPU" }).click();
    await expect(page.locator("[data-tl-device]")).toHaveAttribute("data-gpu", "unavailable", {
      timeout: 30_000,
    });
    await expect(page.locator(".tl-device-note")).toHaveText(text);
    await expect(group.getByRole("radio", { name: "GPU" })).toBeDisabled();
    await expect(group.getByRole("radio", { name: "CPU" })).toBeChecked();
  });
}

test("with a WebGPU adapter, GPU is enabled and a cell's tensors run on it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("en/tensors/");
  const report = await requireAdapter(page);
  const gpu = toggle(page).getByRole("radio", { name: "GPU" });
  await expect(gpu).toBeEnabled();
  await gpu.check();
  const note = page.locator(".tl-device-note");
  await expect(note).toContainText("New tensors can go to the GPU", { timeout: 60_000 });
  await expect(page.locator("[data-tl-device]")).toHaveAttribute("data-gpu", "available");
  expect(await axeToggle(page)).toEqual([]);

  const before = await gpuInfo(page);
  // The adapter the worker ran on is the one the page sees.
  expectPageAdapter(before, report);
  // The note names the adapter the worker got; SwiftShader's here, the real GPU elsewhere.
  await expect(note).toContainText(before.adapter as string);
  test.info().annotations.push({ type: "adapter", description: before.adapter as string });

  // With GPU chosen, factories without device= put tensors on "cuda" and reads come back
  // through JSPI; torch.cuda names the same adapter.
  let out = await runInCell(
    page,
    "import torch\nprint(torch.cuda.get_device_name())\nh = (torch.ones(1000) + 1) * 2\nprint(h.device, h.sum().item())",
  );
  expect(out).toEqual({ stdout: `${before.adapter}\ncuda:0 4000.0\n`, stderr: "" });
  const after = await gpuInfo(page);
  expect(after.adapter).toBe(before.adapter);
  expect(after.dispatches).toBeGreaterThan(before.dispatches);

  // Back to CPU: the same page's next run puts new tensors on the CPU again.
  await toggle(page).getByRole("radio", { name: "CPU" }).check();
  out = await runInCell(page, "print(torch.ones(2).device)");
  expect(out).toEqual({ stdout: "cpu\n", stderr: "" });
});
