// Runs every test of the project in order, printing each stage's duration and stopping at the
// first failure (exit code 1). `npm test` calls it through scripts/with-node.sh.
// Stage names may be given to run only those, e.g. `npm test -- lint unit`.
// Stages: lint, typecheck, unit, browser, build, base-path, e2e.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { basePathCheck } from "../e2e/support/base-check.ts";

const root = resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
  ASTRO_TELEMETRY_DISABLED: "1",
};

/** Whether the site has unit tests of its own (src/**\/*.test.ts). */
function siteHasUnitTests(dir = join(root, "src")) {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? siteHasUnitTests(join(dir, entry.name)) : entry.name.endsWith(".test.ts"),
  );
}

/** Each stage is a list of commands; a command is [program, ...args] with optional env. */
const stages = {
  lint: () => [["biome", "check", "--error-on-warnings"]],
  typecheck: () => [
    ["astro", "check"],
    ["npm", "run", "typecheck", "-w", "engine"],
  ],
  unit: () => [
    ["npm", "test", "-w", "engine"],
    ...(siteHasUnitTests() ? [["vitest", "run", "--config", "vitest.config.ts"]] : []),
  ],
  // The engine's suites that also run inside Chromium (the WebGPU differential suite).
  browser: () => [["vitest", "run", "--config", "vitest.browser.config.ts"]],
  build: () => [
    ["astro", "build"],
    ["node", "scripts/check-links.mjs", "dist", "/"],
  ],
  "base-path": () => [
    {
      cmd: ["astro", "build", "--outDir", basePathCheck.outDir],
      env: { TORCHLIT_BASE: basePathCheck.base },
    },
    ["node", "scripts/check-links.mjs", basePathCheck.outDir, basePathCheck.base],
  ],
  e2e: () => [["playwright", "test"]],
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in stages)) {
    console.error(`test: unknown stage "${name}"; stages are ${Object.keys(stages).join(", ")}`);
    process.exit(2);
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

const timings = [];
const started = Date.now();
let failed;
for (const [name, commands] of Object.entries(stages)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const stageStart = Date.now();
  for (const command of commands()) {
    const { cmd, env: extra } = Array.isArray(command) ? { cmd: command, env: {} } : command;
    const shown = Object.entries(extra)
      .map(([k, v]) => `${k}=${v} `)
      .join("");
    console.log(`$ ${shown}${cmd.join(" ")}`);
    const result = spawnSync(cmd[0], cmd.slice(1), {
      cwd: root,
      env: { ...env, ...extra },
      stdio: "inherit",
    });
    if (result.status !== 0) {
      failed = `${name}: \`${cmd.join(" ")}\` ${result.error ? `could not run (${result.error.message})` : `exited with ${result.status ?? result.signal}`}`;
      break;
    }
  }
  timings.push([name, Date.now() - stageStart]);
  console.log(
    `=== ${name}: ${failed ? "FAILED" : "ok"} in ${seconds(Date.now() - stageStart)} ===`,
  );
  if (failed) break;
}

console.log("\nStage durations:");
for (const [name, ms] of timings) console.log(`  ${name.padEnd(10)} ${seconds(ms).padStart(8)}`);
console.log(`  ${"total".padEnd(10)} ${seconds(Date.now() - started).padStart(8)}`);
if (failed) {
  console.error(`\nFAILED at ${failed}`);
  process.exit(1);
}
console.log("\nAll stages passed.");
