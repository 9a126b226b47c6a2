// Free local ports for the e2e servers, so parallel runs on one machine do not collide.
// The config picks them once and stores them in the environment, which Playwright's worker
// processes inherit, so every process agrees on the same URLs.
import { createServer } from "node:net";

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** The port in env[name], choosing a free one and storing it there when unset. */
export async function portFromEnv(name: string): Promise<number> {
  const current = process.env[name];
  if (current) return Number(current);
  const port = await freePort();
  process.env[name] = String(port);
  return port;
}
