// What the widget specs share: reading a widget's PyTorch fixture, collecting the page's errors,
// and waiting for a figure to be ready (its model loaded, its controls enabled).
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

/** The cases of src/components/widgets/<folder>/fixture.json. */
export function fixtureCases<T>(folder: string): T[] {
  const url = new URL(`../../src/components/widgets/${folder}/fixture.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { cases: T[] }).cases;
}

/** Every uncaught error and console error the page logs from now on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** Scrolls to the figure and waits until its model has loaded and its controls are enabled. */
export async function ready(figure: Locator): Promise<void> {
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator("form")).toHaveAttribute("data-ready", "true");
}
