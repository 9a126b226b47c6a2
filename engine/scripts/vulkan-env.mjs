#!/usr/bin/env node
// Starts a command with the environment Dawn (the `webgpu` package) needs to find a Vulkan
// driver. Dawn reads these variables only at process start, so tests and tools that use WebGPU
// in Node are launched through this; the caller sets nothing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { vulkanEnv } from "../src/backend/webgpu/node-gpu.ts";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: vulkan-env.mjs COMMAND [ARGS...]");
  process.exit(2);
}
const env = { ...process.env, ...vulkanEnv(process.env, existsSync) };
const child = spawn(cmd, args, { stdio: "inherit", env, shell: process.platform === "win32" });
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
