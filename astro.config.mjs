// Site configuration: Starlight (navigation, search, dark mode, i18n), MDX lessons with
// KaTeX math, code highlighted by Shiki through Starlight's Expressive Code.
// The base path comes from TORCHLIT_BASE so self-hosters can serve the site from a subfolder,
// e.g. TORCHLIT_BASE=/course/ npm run build; TORCHLIT_SITE (the public origin, e.g.
// https://example.org) is optional and enables the sitemap. Nothing here may load from a CDN.
import { unified } from "@astrojs/markdown-remark";
import mdx from "@astrojs/mdx";
import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { precompress } from "./src/integrations/precompress.ts";
import { runtimeAssets } from "./src/integrations/runtime-assets.ts";
import { remarkCodeCells } from "./src/lib/remark-code-cells.ts";
import { sidebar } from "./src/sidebar.ts";

/** Normalises TORCHLIT_BASE ("course", "/course", "/course/") to "/course/"; "/" when unset. */
function basePath(raw) {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export default defineConfig({
  base: basePath(process.env.TORCHLIT_BASE),
  ...(process.env.TORCHLIT_SITE ? { site: process.env.TORCHLIT_SITE } : {}),
  trailingSlash: "ignore",
  markdown: {
    // The unified (remark/rehype) processor, because KaTeX math comes from remark-math and
    // rehype-katex; MDX inherits this processor, and Starlight adds its own plugins to it.
    // remarkCodeCells makes each lesson's ```python blocks runnable cells (src/components/code-cell).
    processor: unified({
      remarkPlugins: [remarkMath, remarkCodeCells],
      rehypePlugins: [rehypeKatex],
    }),
  },
  vite: {
    build: {
      rolldownOptions: {
        // MDX modules carry Astro's "use astro:head-inject" marker, which the bundler reports
        // once per page although Astro handles it; keep the build log for real problems.
        onLog(level, log, handler) {
          if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("astro:head-inject"))
            return;
          handler(level, log);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: "Torchlit",
      description: "Learn PyTorch basics with code that runs in your browser.",
      defaultLocale: "en",
      locales: {
        en: { label: "English", lang: "en" },
        "zh-cn": { label: "简体中文", lang: "zh-CN" },
      },
      customCss: ["katex/dist/katex.min.css", "./src/styles/site.css"],
      // Long code lines wrap instead of running off the right edge (most cells at phone width),
      // continuing 4 columns further in than their line so a continuation never reads as a new
      // statement. Copying still gives the original lines; the editors wrap the same way.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true, hangingIndent: 4 } },
      sidebar,
      // Starlight overrides (src/components/starlight/), each rendering Starlight's own component
      // plus one addition: solved marks in the sidebar, the notebook download under the title,
      // the licence line in the footer.
      components: {
        Sidebar: "./src/components/starlight/Sidebar.astro",
        PageTitle: "./src/components/starlight/PageTitle.astro",
        Footer: "./src/components/starlight/Footer.astro",
      },
      // Adds each lesson's exercises to its "On this page" contents.
      routeMiddleware: "./src/route-data.ts",
      lastUpdated: false,
      pagefind: true,
    }),
    mdx(),
    // Pyodide's files and the torch package for the in-browser Python worker (src/runtime).
    runtimeAssets(),
    // Last: .br and .gz copies of every large file, the search index and runtime included.
    precompress(),
  ],
});
