// Runs a command with stdio inherited and SIGINT, SIGTERM and SIGHUP forwarded to it, so that a
// signal to this process reaches the one doing the work. Resolves with the child's exit status;
// when a signal ended the child, this process ends by the same signal (as a shell sees it,
// 128 + n). Plain JS: bin/torchlit.mjs runs it on any Node, and src/cli/run.ts uses it too.
import { spawn } from "node:child_process";

const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];

export function runForwardingSignals(command, args, options = {}) {
  const child = spawn(command, args, { ...options, stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (status, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      resolve(status ?? 1);
    });
  });
}
