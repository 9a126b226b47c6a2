// Chooses the course locale for the site root from the browser's preferred languages.
// It runs inline in the root page before first paint, so it must stay self-contained:
// no imports, no closures over module scope (the page embeds its source text).

/** URL prefixes of the site's locales. */
export type SiteLocale = "en" | "zh-cn";

/**
 * The first of the reader's languages that the site has, in the reader's order of preference:
 * any Chinese variant maps to zh-cn, any English one to en; English when none matches.
 */
export function pickLocale(languages: readonly string[]): SiteLocale {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-cn";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
