// The home page shows the course: every section and lesson of the outline with its description
// and number of exercises, the reader's solved count per lesson from this browser's progress
// (kept current when another tab solves one), and a live cell to try at once. Both languages.
import { expect, test } from "@playwright/test";
import { allExercises } from "../src/exercises/load.ts";
import { lessonSlugs, sections } from "../src/sidebar.ts";

const KEY = "torchlit:progress:v1";
const count = (slug: string) => allExercises().filter((e) => e.lesson === slug).length;

for (const { locale, run, solved } of [
  { locale: "en", run: "Run", solved: (k: number, n: number) => `${k} of ${n} solved` },
  { locale: "zh-cn", run: "运行", solved: (k: number, n: number) => `已完成 ${k}/${n}` },
]) {
  test.describe(`home page (${locale})`, () => {
    test("lists every section and lesson with its exercises", async ({ page }) => {
      await page.goto(`${locale}/`);
      const outline = page.locator(".tl-outline");
      await expect(outline.locator("h3")).toHaveCount(sections.length);
      const lessons = outline.locator("li[data-lesson]");
      expect(
        await lessons.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-lesson"))),
      ).toEqual([...lessonSlugs]);
      for (const slug of lessonSlugs) {
        const item = outline.locator(`li[data-lesson="${slug}"]`);
        await expect(item.getByRole("link")).toHaveAttribute(
          "href",
          new RegExp(`/${locale}/${slug}/$`),
        );
        await expect(item.locator("p")).not.toBeEmpty();
        const n = count(slug);
        await expect(item.locator(".tl-outline-count")).toContainText(String(n === 0 ? "" : n));
      }
    });

    test("shows what this browser solved, and follows another tab", async ({ page, context }) => {
      const [first, second] = allExercises().filter((e) => e.lesson === "tensors");
      if (!first || !second) throw new Error("the tensors lesson needs two exercises");
      await page.addInitScript(
        ({ key, id }) => {
          if (!sessionStorage.getItem("seeded")) {
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem(
              key,
              JSON.stringify({ [id]: { lesson: "tensors", solved: true } }),
            );
          }
        },
        { key: KEY, id: first.id },
      );
      await page.goto(`${locale}/`);
      const n = count("tensors");
      const item = page.locator('.tl-outline li[data-lesson="tensors"]');
      await expect(item.locator('[data-role="solved"]')).toHaveText(solved(1, n));
      await expect(
        page.locator('.tl-outline li[data-lesson="broadcasting"] [data-role="solved"]'),
      ).toBeHidden();
      // Another tab solves a second exercise: the storage event updates this one.
      const other = await context.newPage();
      await other.goto(`${locale}/progress/`);
      await other.evaluate(
        ({ key, id }) => {
          const p = JSON.parse(localStorage.getItem(key) ?? "{}");
          p[id] = { lesson: "tensors", solved: true };
          localStorage.setItem(key, JSON.stringify(p));
        },
        { key: KEY, id: second.id },
      );
      await expect(item.locator('[data-role="solved"]')).toHaveText(solved(2, n));
    });

    test("has a cell that runs at once", async ({ page }) => {
      test.slow();
      await page.goto(`${locale}/`);
      const cell = page.locator("[data-tl-cell]").first();
      await cell.getByRole("button", { name: run, exact: true }).click();
      await expect(cell.locator(".tl-cell-output")).toHaveText(
        "tensor([[0., 1., 2.],\n        [3., 4., 5.]])\ntensor([3., 5., 7.])\n",
        { timeout: 60_000 },
      );
    });
  });
}
