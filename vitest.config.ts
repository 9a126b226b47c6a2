// Vitest for the site's own unit tests (src/**/*.test.ts). The engine's tests are run only by
// engine/vitest.config.ts (npm test -w engine), never from here.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "engine/**", "**/*.browser.test.ts"],
  },
});
