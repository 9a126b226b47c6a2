// One test per exercise, discovered from content/exercises/: on its lesson page, the starter
// is told it is unchanged, each mistake gets its own feedback, the solution passes, and after a
// reload the draft and the solved mark are kept. Code goes in through the editor's API (not
// typing), except in the one real-typing test. A predict exercise gets every answer through its
// real controls, the cell's output after each, and the keyboard. Plus feedback in Chinese,
// per-locale starters and progress export/import.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { CodeExercise } from "../src/exercises/schema.ts";
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

test.describe("exercises", () => {
  test.setTimeout(120_000);

  for (const ex of codeExercises) {
    test(`${ex.folder}: starter, mistakes and solution get their feedback, and progress stays`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      await expect(root.getByRole("heading", { level: 2 })).toContainText(ex.title.en);

      let feedback = await checkExercise(page, ex, ex.starter.en);
      await expect(feedback).toHaveAttribute("data-feedback-id", "unchanged");
      await expect(feedback).toHaveAttribute("data-passed", "false");
      await expect(feedback).toHaveText(feedbackPattern("unchanged", "en"));

      for (const mistake of ex.mistakes) {
        feedback = await checkExercise(page, ex, mistake.code);
        await expect(feedback, mistake.name).toHaveAttribute("data-feedback-id", mistake.expect);
        await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "en"));
      }
      await expect(root.getByRole("button", { name: "Show solution" })).toBeVisible();

      feedback = await checkExercise(page, ex, ex.solution.en);
      await expect(feedback).toHaveAttribute("data-feedback-id", "passed");
      await expect(feedback).toHaveAttribute("data-passed", "true");
      await expect(root.locator('[data-role="save"]')).toHaveText("Saved in this browser");

      await page.reload();
      await expect(root).toHaveAttribute("data-editor", "codemirror");
      await expect(root).toHaveAttribute("data-solved", "true");
      await expect(root.locator(".cm-content")).toContainText(
        ex.solution.en.trim().split("\n")[0] ?? "",
      );
      await expect(
        page.locator(`#starlight__sidebar .tl-solved-mark[data-lesson="${ex.lesson}"]`),
      ).toHaveCount(1);
    });
  }

  for (const ex of predictExercises) {
    test(`${ex.folder}: every prediction gets its feedback, the cell runs after, and progress stays`, async ({
      page,
    }) => {
      const root = await openExercise(page, "en", ex);
      await expect(root.getByRole("heading", { level: 2 })).toContainText(ex.title.en);
      const check = root.getByRole("button", { name: "Check my prediction" });
      await check.click();
      const feedback = root.locator('[data-role="feedback"]');
      await expect(feedback).toHaveAttribute("data-feedback-id", "predict-empty");
      await expect(root.locator('[data-role="output"]')).toBeHidden();

      for (const { answer, feedback: id } of predictionCases(ex)) {
        await predict(page, ex, answer);
        await expect(feedback, answer).toHaveAttribute("data-feedback-id", id);
        await expect(feedback).toHaveText(feedbackPattern(id, "en"));
        await expect(feedback).toHaveAttribute("data-passed", String(id === "passed"));
        // Right or wrong, the reader then sees what the cell really does.
        const output = root.locator('[data-role="output"]');
        await expectKeyedOutput(output, ex);
      }
      await expect(root).toHaveAttribute("data-solved", "true");
      await expect(root.locator('[data-role="save"]')).toHaveText("Saved in this browser");
      await page.reload();
      await expect(root).toHaveAttribute("data-solved", "true");
      const last = predictionCases(ex).at(-1)?.answer ?? "";
      if (ex.predict && "options" in ex.predict)
        await expect(root.locator(`input[value="${last}"]`)).toBeChecked();
      else await expect(root.getByRole("textbox")).toHaveValue(last);
    });
  }

  test("a prediction can be made and checked with the keyboard alone, in Chinese", async ({
    page,
  }) => {
    const ex = predictExercises[0];
    if (!ex) throw new Error("the course has no predict exercise");
    const root = await openExercise(page, "zh-cn", ex);
    await expect(root.getByRole("group", { name: /你的预测/ })).toBeVisible();
    const wrong = predictionCases(ex).find((c) => c.feedback !== "passed");
    if (!wrong) throw new Error("no wrong answer");
    if (ex.predict && "options" in ex.predict) {
      await root.locator('input[type="radio"]').first().focus();
      const ids = ex.predict.options.map((o) => o.id);
      // Arrow keys move the choice within the group, as in any radio group.
      for (let i = 0; i < ids.indexOf(wrong.answer); i++) await page.keyboard.press("ArrowDown");
      if (ids.indexOf(wrong.answer) === 0) await page.keyboard.press("Space");
      await expect(root.locator(`input[value="${wrong.answer}"]`)).toBeChecked();
      await page.keyboard.press("Tab");
      await expect(root.getByRole("button", { name: "检查我的预测" })).toBeFocused();
      await page.keyboard.press("Enter");
    } else {
      await root.getByRole("textbox").focus();
      await page.keyboard.type(wrong.answer);
      await page.keyboard.press("Enter");
    }
    const feedback = root.locator('[data-role="feedback"]');
    await expect(feedback).toHaveAttribute("data-feedback-id", wrong.feedback);
    await expect(feedback).toHaveText(feedbackPattern(wrong.feedback, "zh"));
    await expect(root.locator('[data-role="output-label"]')).toHaveText(/单元格实际运行的输出/);
  });

  test("feedback is in Chinese on the Chinese page, and the starter's comments too", async ({
    page,
  }) => {
    const ex = codeExercises.find((e) => e.starter.zh !== e.starter.en) ?? codeExercises[0];
    if (!ex) throw new Error("no code exercise");
    const root = await openExercise(page, "zh-cn", ex);
    await expect(root.locator(".cm-content")).toContainText(
      ex.starter.zh.trim().split("\n")[0] ?? "",
    );
    // The Chinese starter, unchanged, is still the starter.
    let feedback = await checkExercise(page, ex, ex.starter.zh);
    await expect(feedback).toHaveAttribute("data-feedback-id", "unchanged");
    const mistake = ex.mistakes[0];
    if (!mistake) throw new Error("no mistake");
    feedback = await checkExercise(page, ex, mistake.code);
    await expect(feedback).toHaveText(feedbackPattern(mistake.expect, "zh"));
  });

  test("a reader can type an answer, get hints and reveal the solution", async ({ page }) => {
    const ex =
      codeExercises.find((e) => e.id === "memory-inplace") ?? (codeExercises[0] as CodeExercise);
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
    await expect(editor).toContainText(ex.solution.en.trim().split("\n")[0] ?? "");
    await root.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toHaveAttribute("data-feedback-id", "passed", { timeout: 60_000 });
  });

  test("a draft saved against an older starter offers the draft or the new starter", async ({
    page,
  }) => {
    const ex = codeExercises[0] as CodeExercise;
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
    await expect(root.locator(".cm-content")).toContainText(ex.starter.en.split("\n")[0] ?? "");
  });

  test("progress is exported and imported back, and a foreign file is rejected", async ({
    page,
  }) => {
    const ex = codeExercises[0] as CodeExercise;
    await openExercise(page, "en", ex);
    await checkExercise(page, ex, ex.solution.en);
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
    await expect(page.locator('[data-role="message"]')).toHaveAttribute(
      "data-result",
      "rejected-foreign",
    );
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
