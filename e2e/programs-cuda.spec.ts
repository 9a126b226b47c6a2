// Issue #6's "done when" programs (engine/test/programs-cuda/*.py, which the engine's Node test
// runs through the CLI) typed into a lesson's code cell as a reader would, with GPU chosen in
// the device toggle, and, for the programs that name "cuda" themselves, also with the toggle
// left on CPU (the page's default, where the book's `if torch.cuda.is_available():` cell must
// still find the GPU). The output must equal real PyTorch's (the .expected files) byte for byte
// once device='cuda:0' is mapped to PyTorch's CPU run, as the Node test maps it. (The Node test
// allows float32 rounding differences because Dawn may find any GPU; Chromium here always runs
// SwiftShader, e2e/support/chromium.ts, which prints PyTorch's digits on these programs, so a
// difference is a regression.) The Node test's adapter line is host.gpuInfo() here: the
// adapter must be the page's, and kernels must have run. No adapter: skipped locally, failed
// under CI=true.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { runInCell } from "./support/cells.ts";
import {
  chooseGpu,
  deviceToggle,
  expectDispatchedSince,
  expectPageAdapter,
  gpuInfo,
  requireAdapter,
} from "./support/gpu.ts";

const dir = join(process.cwd(), "engine", "test", "programs-cuda");
const programs = readdirSync(dir)
  .filter((f) => f.endsWith(".py") && f !== "gen_expected.py")
  .sort()
  .map((file) => {
    const source = readFileSync(join(dir, file), "utf8");
    return {
      file,
      source,
      expected: readFileSync(join(dir, file.replace(/\.py$/, ".expected")), "utf8"),
      // `torchlit run --device cuda` is the GPU choice of the toggle; without it the program
      // puts its tensors on cuda itself and must do so whatever the toggle says.
      needsGpuChoice: source.startsWith("# torchlit: --device cuda"),
    };
  });

/** torchlit's GPU output in PyTorch-on-CPU terms (the inverse of gen_expected.py's translation). */
function asCpu(out: string): string {
  return out.replaceAll(", device='cuda:0'", "").replaceAll("cuda:0", "cpu");
}

test.describe("issue #6 programs in a code cell on WebGPU", () => {
  test.setTimeout(120_000);

  for (const program of programs) {
    test(`${program.file} prints what PyTorch prints, on the GPU`, async ({ page }) => {
      await page.goto("en/tensors/");
      const adapter = await requireAdapter(page);
      const expectOnGpu = (out: { stdout: string; stderr: string }) => {
        expect(out.stderr).toBe("");
        if (out.stdout.includes("tensor(")) expect(out.stdout).toContain("device='cuda:0'");
        expect(asCpu(out.stdout)).toBe(program.expected);
      };

      if (!program.needsGpuChoice) {
        // The toggle as a new reader finds it: CPU. The program's own device="cuda" starts
        // WebGPU from Python.
        await expect(deviceToggle(page).getByRole("radio", { name: "CPU" })).toBeChecked();
        expectOnGpu(await runInCell(page, program.source));
        const info = await gpuInfo(page);
        expectPageAdapter(info, adapter);
        expect(info.dispatches).toBeGreaterThan(0);
      }

      const before = await chooseGpu(page, adapter);
      expectOnGpu(await runInCell(page, program.source));
      await expectDispatchedSince(page, before);
    });
  }
});
