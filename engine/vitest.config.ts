import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // *.browser.test.ts run inside Chromium, from the root's vitest.browser.config.ts.
    exclude: [...configDefaults.exclude, "**/*.browser.test.ts"],
    pool: "forks",
  },
});
