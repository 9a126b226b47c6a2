// `node bench/ab.ts [--base REV] [--rounds N]`: is the engine's CPU speed unchanged since REV?
// Checks REV's engine out into a temporary git worktree, gives it this tree's bench/ (so the
// cases and the timing are the same on both sides and only the engine differs), then runs
// bench/ab-child.ts from each side in turn, N rounds (default 5), alternating which goes first
// so that a machine growing busier slows both alike. A round reports each case's fastest single
// run; the table gives, per case, each side's best over rounds with its range, and the change of
// the best; a row whose best is more than 5 % slower is flagged. Fastest runs, not medians,
// decide: on a shared machine a run is only ever slowed by its neighbours, and the engine's
// allocating ops (add makes a fresh 4 MB output) settle per process into a fast or a slow mode,
// so identical code compared with itself (`--base HEAD`) moved its medians by up to 25 % on our
// 2-core build machine. Run it with nothing else running; compare only within one run.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const engine = fileURLToPath(new URL("..", import.meta.url));
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const base = arg("--base", "HEAD~1");
const rounds = Number(arg("--rounds", "5"));
const LIMIT = 0.05;

const git = (...a: string[]): string =>
  execFileSync("git", a, { cwd: engine, encoding: "utf8" }).trim();
const baseSha = git("rev-parse", "--short", base);
const headSha = git("rev-parse", "--short", "HEAD");
const dirty = git("status", "--porcelain", "--", ".") !== "";

const tmp = mkdtempSync(join(tmpdir(), "torchlit-ab-"));
const worktree = join(tmp, "base");
git("worktree", "add", "--detach", worktree, baseSha);
const baseEngine = join(worktree, "engine");
cpSync(join(engine, "bench"), join(baseEngine, "bench"), { recursive: true });

function round(dir: string): Record<string, number> {
  const r = spawnSync(process.execPath, [join(dir, "bench", "ab-child.ts")], {
    cwd: dir,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bench in ${dir} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
}

const runs: { base: Record<string, number>[]; head: Record<string, number>[] } = {
  base: [],
  head: [],
};
try {
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (["base", "head"] as const) : (["head", "base"] as const);
    for (const side of order) runs[side].push(round(side === "base" ? baseEngine : engine));
    console.error(`round ${i + 1}/${rounds} done`);
  }
} finally {
  git("worktree", "remove", "--force", worktree);
  rmSync(tmp, { recursive: true, force: true });
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

console.log(
  `CPU engine suite, ${baseSha} (base) vs ${headSha}${dirty ? " with uncommitted changes" : ""}, ` +
    `${rounds} alternating rounds, each round a case's fastest run; load average ${(
      await import("node:os")
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end\n`,
);
console.log("| case | base best ms (range) | new best ms (range) | change of best | verdict |");
console.log("| --- | --- | --- | --- | --- |");
const range = (xs: number[]): string => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
let slower = 0;
for (const name of Object.keys(runs.head[0] ?? {})) {
  const bs = runs.base.map((r) => r[name] as number);
  const hs = runs.head.map((r) => r[name] as number);
  const b = Math.min(...bs);
  const h = Math.min(...hs);
  const change = h / b - 1;
  const bad = change > LIMIT;
  if (bad) slower++;
  const pct = `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)} %`;
  const verdict = bad ? "SLOWER" : "ok";
  console.log(
    `| ${name} | ${fmt(b)} (${range(bs)}) | ${fmt(h)} (${range(hs)}) | ${pct} | ${verdict} |`,
  );
}
console.log(
  slower === 0
    ? "\nNo row's best is more than 5 % slower."
    : `\n${slower} row(s) with a best more than 5 % slower.`,
);
