// One test per exercise, discovered from content/exercises/: on its lesson page, the starter
// is told it is unchanged, each mistake gets its own feedback, the solution passes, and after a
// reload the draft and the solved mark are kept. Code goes in through the editor's API (not
// typing), except in the one real-typing test. Plus feedback in Chinese and progress export/import.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { Exercise } from "../src/exercises/schema.ts";
import { checkExercise, exercises, feedbackPattern, openExercise } from "./support/exercises.ts";

test.describe("exercises", () => {
  test.setTimeout(120_000);

  for (const ex of exercises) {
    test(`${ex.folder}: starter, mistakes and solution get their feedback, and progress stays`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      await expect(root.getByRole("heading", { level: 2 })).toContainText(ex.title.en);

      let feedback = await checkExercise(page, ex, ex.starter);
      await expect(feedback).toHaveAttribute("data-feedback-id", "unchanged");
      await expect(feedback).toHaveAttribute("data-passed", "false");
      await expect(feedback).toHaveText(feedbackPattern("unchanged", "en"));

      for (const mistake of ex.mistakes) {
        feedback = await checkExercise(page, ex, mistake.code);
        await expect(feedback, mistake.name).toHaveAttribute("data-feedback-id", mistake.expect);
        await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "en"));
      }
      await expect(root.getByRole("button", { name: "Show solution" })).toBeVisible();

      feedback = await checkExercise(page, ex, ex.solution);
      await expect(feedback).toHaveAttribute("data-feedback-id", "passed");
      await expect(feedback).toHaveAttribute("data-passed", "true");
      await expect(root.locator('[data-role="save"]')).toHaveText("Saved in this browser");

      await page.reload();
      await expect(root).toHaveAttribute("data-editor", "codemirror");
      await expect(root).toHaveAttribute("data-solved", "true");
      await expect(root.locator(".cm-content")).toContainText(
        ex.solution.trim().split("\n")[0] ?? "",
      );
      await expect(
        page.locator(`#starlight__sidebar .tl-solved-mark[data-lesson="${ex.lesson}"]`),
      ).toHaveCount(1);
    });
  }

  test("feedback is in Chinese on the Chinese page", async ({ page }) => {
    const ex = exercises.find((e) => e.mistakes.length > 0) as Exercise;
    await openExercise(page, "zh-cn", ex);
    const mistake = ex.mistakes[0];
    if (!mistake) throw new Error("no mistake");
    const feedback = await checkExercise(page, ex, mistake.code);
    await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "zh"));
  });

  test("a reader can type an answer, get hints and reveal the solution", async ({ page }) => {
    const ex = exercises.find((e) => e.id === "memory-inplace") ?? (exercises[0] as Exercise);
    const root = await openExercise(page, "en", ex);
    await root.getByRole("button", { name: /^Hint/ }).click();
    await expect(root.locator('[data-role="hints"] li')).toHaveCount(1);

    const editor = root.locator(".cm-content");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("y = y + x\n");
    await expect(root.locator('[data-role="save"]')).toHaveText("Saved in this browser");
    await root.getByRole("button", { name: "Check" }).click();
    const feedback = root.locator('[data-role="feedback"]');
    await expect(feedback).toHaveAttribute("data-feedback-id", "new-object", { timeout: 60_000 });

    page.once("dialog", (dialog) => void dialog.accept());
    await root.getByRole("button", { name: "Show solution" }).click();
    await expect(editor).toContainText(ex.solution.trim().split("\n")[0] ?? "");
    await root.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toHaveAttribute("data-feedback-id", "passed", { timeout: 60_000 });
  });

  test("a draft saved against an older starter offers the draft or the new starter", async ({
    page,
  }) => {
    const ex = exercises[0] as Exercise;
    const root = await openExercise(page, "en", ex);
    await page.evaluate(
      ([id, lesson]) => {
        const draft = {
          lesson,
          solved: false,
          draft: "old = 1\n",
          draftSavedAt: 1,
          starterHash: "0",
        };
        localStorage.setItem("torchlit:progress:v1", JSON.stringify({ [id]: draft }));
      },
      [ex.id, ex.lesson] as const,
    );
    await page.reload();
    await expect(root).toHaveAttribute("data-editor", "codemirror");
    await expect(root.locator(".cm-content")).toHaveText("old = 1");
    await root.getByRole("button", { name: "Use the new starter" }).click();
    await expect(root.getByRole("button", { name: "Keep my draft" })).toBeHidden();
    await expect(root.locator(".cm-content")).toContainText(ex.starter.split("\n")[0] ?? "");
  });

  test("progress is exported and imported back, and a foreign file is rejected", async ({
    page,
  }) => {
    const ex = exercises[0] as Exercise;
    await openExercise(page, "en", ex);
    await checkExercise(page, ex, ex.solution);
    await page.goto("en/progress/");
    const item = page.locator(`li[data-exercise="${ex.id}"] [data-role="status"]`);
    await expect(item).toHaveText("solved");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress" }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, "utf8");
    expect(JSON.parse(exported)).toMatchObject({ format: "torchlit-progress", version: 1 });

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(item).toHaveText("not started");

    const input = page.getByLabel("Import progress");
    await input.setInputFiles({
      name: "x.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"a":1}'),
    });
    await expect(page.locator('[data-role="message"]')).toHaveAttribute("data-result", "rejected");
    await expect(item).toHaveText("not started");

    await input.setInputFiles({
      name: "p.json",
      mimeType: "application/json",
      buffer: Buffer.from(exported),
    });
    await expect(page.locator('[data-role="preview-text"]')).toContainText("add 1");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.locator('[data-role="message"]')).toHaveAttribute("data-result", "imported");
    await expect(item).toHaveText("solved");
    await page.reload();
    await expect(item).toHaveText("solved");
  });
});
