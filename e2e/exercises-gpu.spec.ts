// Every exercise again with GPU chosen in the device toggle: the grader then runs the setup,
// the reader's code and the check with "cuda" as the default device, so it grades what the code
// does on the reader's GPU. Starter → "unchanged", each mistake → its feedback, solution →
// passed, with kernels dispatched on the page's WebGPU adapter and every tensor the solution
// prints on cuda:0. (Not every graded run dispatches: a mistake that fails a shape check before
// computing anything, like 02's row vector, only uploads its inputs.) Skipped locally without
// an adapter, fails under CI=true.
import { expect, test } from "@playwright/test";
import { checkExercise, exercises, feedbackPattern, openExercise } from "./support/exercises.ts";
import { chooseGpu, expectDispatchedSince, requireAdapter } from "./support/gpu.ts";

test.describe("exercises on the GPU", () => {
  test.setTimeout(120_000);

  for (const ex of exercises) {
    test(`${ex.folder}: graded on the GPU, starter, mistakes and solution get their feedback`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      const gpu = await chooseGpu(page, await requireAdapter(page));

      let feedback = await checkExercise(page, ex, ex.starter);
      await expect(feedback).toHaveAttribute("data-feedback-id", "unchanged");

      for (const mistake of ex.mistakes) {
        feedback = await checkExercise(page, ex, mistake.code);
        await expect(feedback, mistake.name).toHaveAttribute("data-feedback-id", mistake.expect);
        await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "en"));
      }

      feedback = await checkExercise(page, ex, ex.solution);
      await expect(feedback).toHaveAttribute("data-feedback-id", "passed");
      await expect(feedback).toHaveAttribute("data-passed", "true");
      await expectDispatchedSince(page, gpu);
      // What the solution printed while graded: each tensor lives on the GPU (a solution may
      // print none: gpu-float32 prints a Python float; the dispatches above show the GPU ran).
      const printed = (await root.locator('[data-role="output"]').textContent()) ?? "";
      const tensors = printed.split("tensor(").length - 1;
      expect(printed.split("device='cuda:0'").length - 1, printed).toBe(tensors);
    });
  }
});
