// Writes engine/fixtures/op-manifest.json, the op table's manifest as the fixture generators
// (Python, without the engine) read it. Run after changing core/elementwise-defs.ts:
//   node engine/scripts/write-op-manifest.ts
// test/op-manifest.test.ts fails while the file differs from the table.

import { writeFileSync } from "node:fs";
import { manifestJson } from "../test/op-manifest-json.ts";

const path = new URL("../fixtures/op-manifest.json", import.meta.url);
writeFileSync(path, manifestJson());
console.log(`wrote ${path.pathname}`);
