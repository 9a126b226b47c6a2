// Every exercise again with GPU chosen in the device toggle: the grader then runs the setup,
// the reader's code and the check with "cuda" as the default device, so it grades what the code
// does on the reader's GPU. Starter → "unchanged", each mistake → its feedback, solution →
// passed, with kernels dispatched on the page's WebGPU adapter and every tensor the solution
// prints on cuda:0. (Not every graded run dispatches: a mistake that fails a shape check before
// computing anything, like 02's row vector, only uploads its inputs.) A predict exercise: each
// answer gets the same feedback as on the CPU and the cell's run on the GPU prints the keyed
// answer (answers never depend on the device). A CPU-only exercise tells the reader why and runs
// on the CPU. Skipped locally without an adapter, fails under CI=true.
import { expect, test } from "@playwright/test";
import {
  checkExercise,
  codeExercises,
  expectKeyedOutput,
  feedbackPattern,
  openExercise,
  predict,
  predictExercises,
  predictionCases,
} from "./support/exercises.ts";
import { chooseGpu, expectDispatchedSince, gpuInfo, requireAdapter } from "./support/gpu.ts";

test.describe("exercises on the GPU", () => {
  test.setTimeout(120_000);

  for (const ex of codeExercises) {
    test(`${ex.folder}: graded on the GPU, starter, mistakes and solution get their feedback`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      const gpu = await chooseGpu(page, await requireAdapter(page));
      const note = root.locator('[data-role="cpu-only"]');
      if (ex.cpuOnly) await expect(note).toContainText(ex.cpuOnly.en);
      else await expect(note).toHaveCount(0);

      let feedback = await checkExercise(page, ex, ex.starter.en);
      await expect(feedback).toHaveAttribute("data-feedback-id", "unchanged");

      for (const mistake of ex.mistakes) {
        feedback = await checkExercise(page, ex, mistake.code);
        await expect(feedback, mistake.name).toHaveAttribute("data-feedback-id", mistake.expect);
        await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "en"));
      }

      feedback = await checkExercise(page, ex, ex.solution.en);
      await expect(feedback).toHaveAttribute("data-feedback-id", "passed");
      await expect(feedback).toHaveAttribute("data-passed", "true");
      const printed = (await root.locator('[data-role="output"]').textContent()) ?? "";
      if (ex.cpuOnly) {
        // Told why, and really run on the CPU: nothing it printed lives on the GPU.
        await expect(note).toBeVisible();
        expect(printed).not.toContain("device='cuda");
        return;
      }
      await expectDispatchedSince(page, gpu);
      // What the solution printed while graded: each tensor lives on the GPU (a solution may
      // print none: gpu-float32 prints a Python float; the dispatches above show the GPU ran).
      const tensors = printed.split("tensor(").length - 1;
      expect(printed.split("device='cuda:0'").length - 1, printed).toBe(tensors);
    });
  }

  for (const ex of predictExercises) {
    test(`${ex.folder}: a prediction graded as on the CPU, and the cell runs on the GPU`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      const gpu = await chooseGpu(page, await requireAdapter(page));
      // Grading a prediction never touches Python (every answer is covered on the CPU); what
      // the GPU changes is where the cell runs, and its output must be the keyed answer still.
      const cases = predictionCases(ex);
      const wrong = cases.find((c) => c.feedback !== "passed");
      const right = cases.find((c) => c.feedback === "passed");
      for (const { answer, feedback: id } of [wrong, right].filter((c) => c !== undefined)) {
        const feedback = await predict(page, ex, answer);
        await expect(feedback, answer).toHaveAttribute("data-feedback-id", id);
        const output = root.locator('[data-role="output"]');
        await expectKeyedOutput(output, ex);
      }
      if (ex.cpuOnly) await expect(root.locator('[data-role="cpu-only"]')).toBeVisible();
      else {
        // The cell touched the GPU (a cell that only reads shapes may upload without a kernel).
        const after = await gpuInfo(page);
        expect(after.adapter).toBe(gpu.adapter);
        if (after.dispatches === gpu.dispatches)
          test.info().annotations.push({ type: "note", description: "cell ran no kernel" });
        else await expectDispatchedSince(page, gpu);
      }
    });
  }
});
