import type { SpawnOptions } from "node:child_process";

/** bin/child.mjs: runs `command` with signals forwarded; its exit status. */
export function runForwardingSignals(
  command: string,
  args: readonly string[],
  options?: Omit<SpawnOptions, "stdio">,
): Promise<number>;
