// Shared helpers for the e2e tests: the site's locales and pages, discovered from the build.
// Pages are found by walking the build output, so new lessons are covered without edits here.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The locales the site is built in, as URL prefixes, with the language switch's labels. */
export const locales = [
  { prefix: "en", lang: "en", label: "English" },
  { prefix: "zh-cn", lang: "zh-CN", label: "简体中文" },
] as const;

/** URL paths (relative to the base, "" for the root) of every HTML page under dir; none if absent. */
export function builtPages(dir: string): string[] {
  const pages: string[] = [];
  if (!existsSync(dir)) return pages;
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Pagefind's index and bundled assets hold no pages.
        if (path !== "pagefind" && path !== "_astro") walk(path);
      } else if (entry.name.endsWith(".html")) {
        pages.push(path.replace(/(^|\/)index\.html$/, "$1"));
      }
    }
  };
  walk("");
  return pages.sort();
}
