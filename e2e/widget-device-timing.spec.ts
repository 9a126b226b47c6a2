// The device-timing figure on the built site, in both languages: its first paint without
// JavaScript (explanation, empty axes, Run; no numbers), the same after hydration, a run of
// 64 to 256 on the SwiftShader WebGPU adapter (every size checked against the CPU, GPU kernels
// dispatched, the crossover or its absence said), Stop terminating the worker, the page without
// navigator.gpu (CPU column and the reason), the keyboard, axe in light and dark, 360 px, and no
// console errors.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { adapterName } from "torchlit";
import { en } from "../src/i18n/en.ts";
import { zhCN } from "../src/i18n/zh-cn.ts";
import { requireAdapter } from "./support/gpu.ts";
import { ready, watchErrors } from "./support/widgets.ts";

const figureOf = (page: Page): Locator => page.locator('[data-widget="device-timing"]');

async function openFigure(page: Page, href: string): Promise<Locator> {
  await page.goto(href);
  const figure = figureOf(page);
  await ready(figure);
  return figure;
}

/** Ticks exactly these sizes and picks the number of timed runs. */
async function choose(figure: Locator, sizes: number[], runs = 3): Promise<void> {
  for (const box of await figure.locator("input[name=size]").all()) {
    const want = sizes.includes(Number(await box.getAttribute("value")));
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
  await figure.locator("select[name=runs]").selectOption(String(runs));
}

async function runAndWait(figure: Locator): Promise<void> {
  await figure.locator('[data-action="run"]').click();
  await expect(figure).toHaveAttribute("data-state", "done", { timeout: 90_000 });
}

/** The chart's data marks (CPU circles, GPU squares): none may exist before a run. */
const marks = (figure: Locator) => figure.locator("svg.tl-dt-chart :is(circle, rect)");

for (const [locale, strings] of [
  ["en", en],
  ["zh-cn", zhCN],
] as const) {
  const t = strings.widgets.deviceTiming;
  const url = `${locale}/gpu/`;

  test.describe(`device-timing (${locale})`, () => {
    test("paints the explanation, empty axes and Run before any script runs", async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(url, baseURL).href);
      const figure = figureOf(page);
      await expect(figure).toHaveCount(1);
      await expect(figure.locator("figcaption")).toHaveText(t.title);
      await expect(figure.locator(".tl-dt-intro")).toHaveText(t.intro);
      await expect(figure.locator("svg.tl-dt-chart")).toHaveCount(2);
      await expect(figure.locator("svg.tl-dt-chart").first()).toContainText(t.empty);
      await expect(marks(figure)).toHaveCount(0);
      await expect(figure.locator("tbody tr[data-n]")).toHaveCount(0);
      await expect(figure.getByRole("button", { name: t.run })).toBeDisabled();
      await expect(figure.locator(".tl-dt-status")).toHaveText(t.idle);
      // It sits in "Timing CPU against GPU, honestly", after the prose.
      const heading = await figure.evaluate((el) => {
        let h: Element | null = el;
        while (h && !/^H2$/.test(h.tagName)) h = h.previousElementSibling ?? h.parentElement;
        return h?.id ?? null;
      });
      expect(heading).not.toBeNull();
      await context.close();
    });

    test("after hydration still shows no numbers until Run is pressed", async ({
      page,
      baseURL,
    }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await expect(figure.getByRole("button", { name: t.run })).toBeEnabled();
      await expect(figure.getByRole("button", { name: t.stop })).toBeDisabled();
      await expect(figure.locator(".tl-dt-status")).toHaveText(t.idle);
      await expect(figure.locator("svg.tl-dt-chart")).toHaveCount(2);
      await expect(marks(figure)).toHaveCount(0);
      await expect(figure.locator("tbody tr[data-n]")).toHaveCount(0);
      // 1024 and 2048 are opt-in.
      await expect(figure.locator("input[name=size][value='1024']")).not.toBeChecked();
      await expect(figure.locator("input[name=size][value='2048']")).not.toBeChecked();
      expect(errors).toEqual([]);
    });

    test("times 64 to 256 on the WebGPU adapter, checked against the CPU", async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const adapter = await requireAdapter(page);
      await choose(figure, [64, 128, 256]);
      await runAndWait(figure);
      await expect(figure).toHaveAttribute("data-gpu", "available");
      const name = adapterName({
        vendor: adapter.vendor ?? "",
        architecture: adapter.architecture ?? "",
        device: adapter.device ?? "",
        description: adapter.description ?? "",
      });
      await expect(figure.locator(".tl-dt-adapter")).toContainText(name);
      test.info().annotations.push({ type: "adapter", description: name });
      const rows = figure.locator("tbody tr[data-n]");
      await expect(rows).toHaveCount(3);
      for (const n of [64, 128, 256]) {
        const row = figure.locator(`tbody tr[data-n="${n}"]`);
        // The GPU's product passed the check, and GPU kernels ran for it.
        await expect(row).toHaveAttribute("data-check", "ok");
        expect(Number(await row.getAttribute("data-dispatches"))).toBeGreaterThan(0);
        await expect(row.locator("td")).toHaveCount(8);
      }
      // Both devices are drawn: 3 CPU circles and 3 GPU squares per chart, plus 3 first runs.
      await expect(figure.locator('svg[data-chart="time"] circle')).toHaveCount(3);
      await expect(figure.locator('svg[data-chart="time"] rect')).toHaveCount(6);
      await expect(figure.locator('svg[data-chart="rate"] rect')).toHaveCount(3);
      // The crossover, or the chart saying there is none.
      const said = figure.locator(".tl-dt-crossover");
      const kind = await said.getAttribute("data-crossover");
      expect(["crossover", "none", "gpu-always"]).toContain(kind);
      if (kind === "none")
        await expect(figure.locator('svg[data-chart="time"]')).toContainText(t.noCrossoverMark);
      if (kind === "crossover") await expect(figure.locator("line.tl-dt-cross")).toHaveCount(2);
      test.info().annotations.push({ type: "crossover", description: `${kind}` });
      test.info().annotations.push({
        type: "table",
        description: ((await figure.locator("table").textContent()) ?? "").replace(/\s+/g, " "),
      });
      await expect(figure.locator(".tl-dt-status")).toContainText(t.done);
      await expect(figure.locator(".tl-dt-announce")).toContainText("256");
      expect(errors).toEqual([]);
    });

    test("Stop terminates the worker and keeps the page usable", async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await choose(figure, [1024, 2048]);
      const before = page.workers().length;
      await figure.locator('[data-action="run"]').click();
      await expect(figure).toHaveAttribute("data-state", "running");
      await expect(figure.locator(".tl-dt-status")).toContainText("1024");
      await expect.poll(() => page.workers().length).toBeGreaterThan(before);
      await figure.getByRole("button", { name: t.stop }).click();
      await expect(figure).toHaveAttribute("data-state", "stopped");
      await expect(figure.locator(".tl-dt-status")).toHaveText(t.stopped);
      await expect.poll(() => page.workers().length).toBe(before);
      await expect(figure.getByRole("button", { name: t.run })).toBeEnabled();
      await expect(figure.getByRole("button", { name: t.run })).toBeFocused();
      expect(errors).toEqual([]);
    });

    test("without WebGPU shows the CPU column and why the GPU is missing", async ({
      page,
      baseURL,
    }) => {
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        delete (Navigator.prototype as { gpu?: unknown }).gpu;
      });
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await expect(figure).toHaveAttribute("data-gpu", "none");
      const reason = t.noGpu.replace("{reason}", strings.device.reasons["no-webgpu"]);
      await expect(figure.locator(".tl-dt-nogpu")).toHaveText(reason);
      await expect(figure.locator("thead th")).toHaveCount(4);
      await choose(figure, [64, 128]);
      await runAndWait(figure);
      await expect(figure.locator("tbody tr[data-n]")).toHaveCount(2);
      await expect(figure.locator("tbody tr[data-check]")).toHaveCount(0);
      await expect(figure.locator("tbody tr[data-n='64'] td")).toHaveCount(3);
      await expect(figure.locator('svg[data-chart="time"] circle')).toHaveCount(2);
      await expect(figure.locator("svg.tl-dt-chart rect")).toHaveCount(0);
      await expect(figure.locator(".tl-dt-nogpu")).toHaveText(reason);
      expect(errors).toEqual([]);
    });

    test("works by keyboard alone", async ({ page, baseURL }) => {
      const errors = watchErrors(page);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await figure.locator("input[name=size][value='64']").focus();
      // Untick 128, 256 and 512 with Tab and Space: only 64 stays.
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press("Tab");
        await page.keyboard.press("Space");
      }
      for (const n of [128, 256, 512])
        await expect(figure.locator(`input[name=size][value='${n}']`)).not.toBeChecked();
      // Past the two opt-in sizes to the runs, then Run.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(figure.locator("select[name=runs]")).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(figure.getByRole("button", { name: t.run })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(figure).toHaveAttribute("data-state", "done", { timeout: 60_000 });
      await expect(figure.locator("tbody tr[data-n]")).toHaveCount(1);
      await expect(figure.locator(".tl-dt-status")).toContainText(t.done);
      await expect(figure.locator(".tl-dt-announce")).toContainText("64");
      await expect(figure.getByRole("button", { name: t.run })).toBeFocused();
      expect(errors).toEqual([]);
    });

    test("passes axe in light and dark, before and after a run", async ({ page, baseURL }) => {
      test.setTimeout(90_000);
      const figure = await openFigure(page, new URL(url, baseURL).href);
      const axe = async (label: string) => {
        for (const theme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: theme });
          const results = await new AxeBuilder({ page })
            .include('[data-widget="device-timing"]')
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
            `${label} ${theme}`,
          ).toEqual([]);
        }
      };
      await axe("first paint");
      await choose(figure, [64, 128]);
      await runAndWait(figure);
      await axe("after a run");
    });

    test("fits a 360 px screen", async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      const figure = await openFigure(page, new URL(url, baseURL).href);
      await choose(figure, [64]);
      await runAndWait(figure);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      const box = await figure.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
      // The table scrolls inside its box, which is then a Tab stop with a name.
      const wrap = figure.locator(".tl-dt-table-wrap");
      const scrolls = await wrap.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (scrolls) await expect(wrap).toHaveAttribute("tabindex", "0");
      await expect(wrap).toHaveAttribute("aria-label", /./);
    });
  });
}
