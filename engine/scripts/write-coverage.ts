// Rewrites FEATURES.md's coverage section from inventory/api-inventory.json and what Torchlit's
// torch package has (test/inventory-coverage.ts). Run after adding an op or regenerating the
// inventory:
//   node engine/scripts/write-coverage.ts
// test/inventory.test.ts fails while the section is stale.

import { readFileSync, writeFileSync } from "node:fs";
import {
  coverageSection,
  FEATURES,
  loadInventory,
  lookUpNames,
  withSection,
} from "../test/inventory-coverage.ts";

const inv = loadInventory();
const { has } = await lookUpNames(Object.keys(inv.names));
writeFileSync(FEATURES, withSection(readFileSync(FEATURES, "utf8"), coverageSection(inv, has)));
console.log(`wrote ${FEATURES.pathname}`);
