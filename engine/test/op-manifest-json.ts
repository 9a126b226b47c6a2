// The text of engine/fixtures/op-manifest.json: the manifest, one op per line so a diff shows
// which op changed.

import { opManifest } from "../src/ops/op-manifest.ts";

export function manifestJson(): string {
  const ops = (list: readonly object[]) => list.map((o) => `    ${JSON.stringify(o)}`).join(",\n");
  return `{\n  "unary": [\n${ops(opManifest.unary)}\n  ],\n  "binary": [\n${ops(opManifest.binary)}\n  ]\n}\n`;
}
