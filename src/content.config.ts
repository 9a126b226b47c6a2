// Content collections. Lessons live in the top-level content/docs/<locale>/ folder rather than
// Starlight's default src/content/docs, so a glob loader points there while Starlight's
// docsSchema() keeps frontmatter validation. Files starting with "_" are drafts and skipped.
// Starlight's own UI strings (overrides) live in content/i18n/<lang>.json; our components'
// texts are code, in src/i18n/. Starlight finds a file's language by stripping its own default
// folder (src/content/i18n/) from the entry's path, which a glob over content/i18n/ defeats, so
// those entries come from a loader that keys each by its language and gives no path.

import { defineCollection } from "astro:content";
import { readdir, readFile } from "node:fs/promises";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { glob, type Loader } from "astro/loaders";

const starlightStrings: Loader = {
  name: "starlight-strings",
  async load({ config, store, parseData }) {
    const dir = new URL("content/i18n/", config.root);
    store.clear();
    for (const file of await readdir(dir)) {
      if (!file.endsWith(".json") || file.startsWith("_")) continue;
      const id = file.slice(0, -".json".length);
      const raw = JSON.parse(await readFile(new URL(file, dir), "utf8")) as Record<string, unknown>;
      store.set({ id, data: await parseData({ id, data: raw }) });
    }
  },
};

export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./content/docs", pattern: "**/[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
  i18n: defineCollection({
    loader: starlightStrings,
    schema: i18nSchema(),
  }),
};
