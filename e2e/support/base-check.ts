// Where the base-path check builds the site and which subfolder it mounts it under.
// Shared by scripts/test.mjs (which builds it) and the Playwright config (which serves it).

export const basePathCheck = {
  /** The subfolder the check build is served from, as a self-hoster would. */
  base: "/torchlit-base-check/",
  /** Build output of the check, kept apart from dist/. */
  outDir: "dist-base-check",
} as const;
