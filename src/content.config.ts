// Content collections. Lessons live in the top-level content/docs/<locale>/ folder rather than
// Starlight's default src/content/docs, so a glob loader points there while Starlight's
// docsSchema() keeps frontmatter validation. Files starting with "_" are drafts and skipped.
// UI strings (Starlight's and, later, our components') live in content/i18n/<lang>.json.

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
