#!/usr/bin/env node
// The torchlit CLI launcher. Plain JS so any Node (20 too, as `npx` may use) can start it: it
// picks a Node >= 22.18 (this one, or the repository's bootstrapped .tools/node) and starts the
// TypeScript entry src/cli/run.ts with JSPI enabled, so callers need no flags or env.
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runForwardingSignals } from "./child.mjs";

const here = dirname(realpathSync(fileURLToPath(import.meta.url)));
const entry = join(here, "..", "src", "cli", "run.ts");

function recentEnough(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 18);
}

/** The bootstrapped Node from scripts/with-node.sh, found by walking up from this package. */
function bootstrappedNode() {
  for (let dir = here; ; dir = dirname(dir)) {
    const modules = join(dir, ".tools", "node", "node_modules");
    if (existsSync(modules)) {
      for (const name of readdirSync(modules)) {
        const bin = join(modules, name, "bin", "node");
        if (name.startsWith("node-") && existsSync(bin)) return bin;
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

let node = process.execPath;
if (!recentEnough(process.versions.node)) {
  node = bootstrappedNode();
  if (node === null) {
    process.stderr.write(
      `torchlit: needs Node.js >= 22.18 (this is ${process.versions.node}); run scripts/with-node.sh once in the repository, or install a newer Node\n`,
    );
    process.exit(1);
  }
}

const args = [
  "--experimental-wasm-jspi",
  // The memory budgets collect garbage before refusing an allocation (memory-budget.ts).
  "--expose-gc",
  "--disable-warning=ExperimentalWarning",
  entry,
  ...process.argv.slice(2),
];
// Asynchronous, with signals forwarded: spawnSync would leave the child running on a SIGTERM.
try {
  process.exit(await runForwardingSignals(node, args));
} catch (error) {
  process.stderr.write(`torchlit: could not start ${node}: ${error.message}\n`);
  process.exit(1);
}
