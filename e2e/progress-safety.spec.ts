// Nothing the reader saved is lost: a damaged entry or store is kept (quarantined) instead of
// overwritten and shows in the export, a draft typed just before leaving is saved, two tabs see
// each other's work, a refused save offers the work as a file, and an import says what it did.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import type { CodeExercise } from "../src/exercises/schema.ts";
import { codeExercises, exerciseOn, openExercise } from "./support/exercises.ts";

const KEY = "torchlit:progress:v1";
const QUARANTINE = "torchlit:progress:quarantine";
const [ex, other] = codeExercises as [CodeExercise, CodeExercise];

const stored = (page: Page, key = KEY) =>
  page
    .evaluate((k) => localStorage.getItem(k), key)
    .then((v) => (v === null ? null : JSON.parse(v)));

/** Types at the end of the exercise's editor, as a reader does. */
async function typeInto(page: Page, text: string): Promise<void> {
  const editor = exerciseOn(page, ex).locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

async function exported(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent("download");
  await click();
  return JSON.parse(readFileSync(await (await download).path(), "utf8"));
}

test.describe("saved progress", () => {
  test.setTimeout(120_000);

  test("one malformed entry is quarantined and the others survive the next save", async ({
    page,
  }) => {
    await page.goto("en/progress/");
    const good = { lesson: other.lesson, solved: true, draft: "kept = 1\n", draftSavedAt: 5 };
    await page.evaluate(
      ([k, g]) =>
        localStorage.setItem(k, JSON.stringify({ good: g, broken: { lesson: 3, solved: "no" } })),
      [KEY, good] as const,
    );
    await openExercise(page, "en", ex);
    await typeInto(page, "\n# mine");
    await expect(exerciseOn(page, ex).locator('[data-role="save"]')).toHaveText(
      "Saved in this browser",
    );
    const after = await stored(page);
    expect(after.good).toEqual(good);
    expect(after[ex.id].draft).toContain("# mine");
    const quarantined = await stored(page, QUARANTINE);
    expect(JSON.parse(quarantined[0].raw)).toEqual({ broken: { lesson: 3, solved: "no" } });

    await page.goto("en/progress/");
    await expect(page.locator('[data-role="damaged"]')).toBeVisible();
    const file = await exported(page, () =>
      page.getByRole("button", { name: "Export progress" }).click(),
    );
    expect(file.exercises.good).toEqual(good);
    expect(file.unreadable).toContain('"solved":"no"');
  });

  test("a store that is not JSON is kept and exported, never written over", async ({ page }) => {
    await page.goto("en/progress/");
    await page.evaluate((k) => localStorage.setItem(k, "{not json"), KEY);
    await openExercise(page, "en", ex);
    await typeInto(page, "\n# new");
    await expect(exerciseOn(page, ex).locator('[data-role="save"]')).toHaveText(
      "Saved in this browser",
    );
    expect((await stored(page, QUARANTINE))[0].raw).toBe("{not json");
    await page.goto("en/progress/");
    const file = await exported(page, () =>
      page.getByRole("button", { name: "Export progress" }).click(),
    );
    expect(file.unreadable).toBe("{not json");
    expect(file.exercises[ex.id].draft).toContain("# new");
  });

  test("a draft typed right before a reload or a link click is saved", async ({ page }) => {
    await openExercise(page, "en", ex);
    await typeInto(page, "\n# before reload");
    await page.reload();
    await expect(exerciseOn(page, ex).locator(".cm-content")).toContainText("# before reload", {
      timeout: 30_000,
    });

    await typeInto(page, "\n# before link");
    await page.locator("#starlight__sidebar a[href$='/en/pytorch/']").click();
    await expect(page).toHaveURL(/\/en\/pytorch\/$/);
    expect((await stored(page))[ex.id].draft).toContain("# before link");
  });

  test("two tabs see each other's drafts and solved marks", async ({ context }) => {
    const one = await context.newPage();
    const two = await context.newPage();
    await openExercise(two, "en", ex);
    await one.bringToFront();
    await openExercise(one, "en", ex);
    await typeInto(one, "\n# from tab one");
    await expect(exerciseOn(one, ex).locator('[data-role="save"]')).toHaveText(
      "Saved in this browser",
    );
    await expect(exerciseOn(two, ex).locator(".cm-content")).toContainText("# from tab one");
    // Tab two now edits on top of what it has seen; tab one's text is not lost.
    await typeInto(two, "\n# and two");
    await expect(exerciseOn(one, ex).locator(".cm-content")).toContainText("# and two");
    expect((await stored(one))[ex.id].draft).toMatch(/# from tab one[\s\S]*# and two/);

    await one.evaluate(
      ([k, id, lesson]) => {
        const all = JSON.parse(localStorage.getItem(k) ?? "{}");
        all[id] = { ...all[id], lesson, solved: true, solvedAt: 1 };
        localStorage.setItem(k, JSON.stringify(all));
      },
      [KEY, ex.id, ex.lesson] as const,
    );
    await expect(exerciseOn(two, ex)).toHaveAttribute("data-solved", "true");
  });

  test("a refused save offers the work as a file, draft included", async ({ page }) => {
    await openExercise(page, "en", ex);
    await page.evaluate((k) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === k) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    }, KEY);
    await typeInto(page, "\n# cannot be stored");
    const root = exerciseOn(page, ex);
    await expect(root.locator('[data-role="save"]')).toHaveText(/^Not saved/);
    const exportNow = root.getByRole("button", { name: "Export now" });
    const file = await exported(page, () => exportNow.click());
    expect(file.exercises[ex.id].draft).toContain("# cannot be stored");
  });

  test("an import says when nothing could be written, or why a file was refused", async ({
    page,
  }) => {
    await page.goto("en/progress/");
    const input = page.getByLabel("Import progress");
    const message = page.locator('[data-role="message"]');
    const file = (exercises: unknown, version = 1) =>
      Buffer.from(
        JSON.stringify({ format: "torchlit-progress", version, exportedAt: "x", exercises }),
      );

    await input.setInputFiles({
      name: "n.json",
      mimeType: "application/json",
      buffer: file({}, 2),
    });
    await expect(message).toHaveAttribute("data-result", "rejected-newer");
    await expect(message).toContainText("newer version");

    const one = { [ex.id]: { lesson: ex.lesson, solved: true }, bad: { lesson: 1 } };
    await input.setInputFiles({ name: "b.json", mimeType: "application/json", buffer: file(one) });
    await expect(page.locator('[data-role="preview-text"]')).toContainText("add 1");
    await expect(page.locator('[data-role="preview-text"]')).toContainText("1 entries");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(message).toHaveAttribute("data-result", "imported");
    expect((await stored(page))[ex.id].solved).toBe(true);

    // Far beyond any browser's localStorage quota: the import must say it wrote nothing.
    const huge = { [other.id]: { lesson: other.lesson, solved: false, draft: "x".repeat(12e6) } };
    await input.setInputFiles({ name: "h.json", mimeType: "application/json", buffer: file(huge) });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(message).toHaveAttribute("data-result", "not-written");
    expect((await stored(page))[other.id]).toBeUndefined();
  });
});
