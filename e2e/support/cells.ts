// Driving a lesson page's code cells as a reader does: type into the editor, press Run.
import { expect, type Locator, type Page } from "@playwright/test";

/** Replaces a cell's source through its editor (CodeMirror, loaded on first edit). */
export async function setCellCode(page: Page, cell: Locator, code: string): Promise<void> {
  const editor = cell.locator(".cm-content");
  if ((await editor.count()) === 0) await cell.locator(".tl-cell-code").click();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** Replaces the first code cell's source with `code`, runs it, and returns its output. */
export async function runInCell(
  page: Page,
  code: string,
): Promise<{ stdout: string; stderr: string }> {
  const cell = page.locator("[data-tl-cell]").first();
  const editor = cell.locator(".cm-content");
  await setCellCode(page, cell, code);
  await expect(editor).toHaveText(code.trimEnd().split("\n").join(""));
  await cell.getByRole("button", { name: "Run", exact: true }).click();
  await expect(cell).not.toHaveAttribute("data-state", "running", { timeout: 60_000 });
  const text = (selector: string) =>
    cell.locator(selector).evaluateAll((els) => els.map((el) => el.textContent).join(""));
  return { stdout: await text(".tl-out-out"), stderr: await text(".tl-out-err, .tl-out-note") };
}
