// Content collections. Lessons live in the top-level content/docs/<locale>/ folder rather than
// Starlight's default src/content/docs, so a glob loader points there while Starlight's
// docsSchema() keeps frontmatter validation. Files starting with "_" are drafts and skipped.
// Starlight's own UI strings (overrides) live in content/i18n/<lang>.json; our components'
// texts are code, in src/i18n/.

import { defineCollection } from "astro:content";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { glob } from "astro/loaders";

export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./content/docs", pattern: "**/[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
  i18n: defineCollection({
    loader: glob({ base: "./content/i18n", pattern: "**/[^_]*.json" }),
    schema: i18nSchema(),
  }),
};
