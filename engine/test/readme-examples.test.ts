// Runs every ```ts block of engine/README.md as a module, so the documentation cannot rot: each
// `console.log(...); // → text` line must print exactly `text` (\n in the text is a newline).
// WebGPU examples get the GPU through Dawn in Node; without an adapter they take their else branch.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { initWebGPU } from "torchlit";
import { describe, expect, it, vi } from "vitest";
import { nodeGpu } from "../src/backend/webgpu/node-gpu.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = join(tmpdir(), `torchlit-readme-${process.pid}`);
mkdirSync(dir, { recursive: true });

/** The text each `console.log(...) // → text` line promises, in order. */
function promised(code: string): string[] {
  return [...code.matchAll(/console\.log\(.*\);? \/\/ → (.*)$/gm)].map((m) =>
    (m[1] as string).replaceAll("\\n", "\n"),
  );
}

describe("engine/README.md examples", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });
  blocks.forEach((code, i) => {
    const title = code.split("\n").find((l) => l.startsWith("const")) ?? `block ${i}`;
    it(`block ${i + 1} runs and prints what it says: ${title}`, { timeout: 60_000 }, async () => {
      if (code.includes("initWebGPU")) await initWebGPU({ gpu: (await nodeGpu()) ?? undefined });
      const file = join(dir, `block-${i}.ts`);
      writeFileSync(file, code.replaceAll('from "torchlit"', `from ${JSON.stringify(ENTRY)}`));
      const logged: string[] = [];
      const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        spy.mockRestore();
      }
      const want = promised(code);
      if (logged[0]?.startsWith("no GPU:")) return; // the documented fallback branch
      expect(logged).toEqual(want);
    });
  });
});
