// The API inventory (inventory/api-inventory.json: the PyTorch names used by d2l-en chapters
// 2 to 5, the PyTorch tutorials' basics and this course) against Torchlit's torch package:
// the course's own names are all there, every missing name raises NotInTorchlitError, and
// FEATURES.md's coverage section is what the inventory and the package give today. The course
// part of the inventory is recomputed from the repository under real PyTorch.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  coverageSection,
  FEATURES,
  type Lookup,
  loadInventory,
  lookUpNames,
  withSection,
} from "./inventory-coverage.ts";
import { ORACLE, oracleHere } from "./python-support.ts";

const script = fileURLToPath(new URL("../inventory/inventory.py", import.meta.url));
const inv = loadInventory();
const names = Object.keys(inv.names);

describe("the API inventory", () => {
  it.skipIf(!oracleHere() && process.env.CI !== "true")(
    "lists the names the course uses today (inventory.py --check)",
    () => {
      const run = spawnSync(ORACLE, [script, "--check"], { encoding: "utf8" });
      expect(run.status, run.stderr || run.stdout).toBe(0);
    },
  );

  it("names its sources at fixed commits", () => {
    expect(inv.sources["d2l-en"].commit).toMatch(/^[0-9a-f]{40}$/);
    for (const commit of Object.values(inv.sources["pytorch-tutorials"].files))
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
    for (const source of ["d2l-en", "pytorch-tutorials", "course"])
      expect(names.filter((n) => inv.names[n]?.includes(source)).length, source).toBeGreaterThan(
        20,
      );
  });

  let lookup: Lookup | null = null;
  const looked = async (): Promise<Lookup> => {
    lookup ??= await lookUpNames(names);
    return lookup;
  };

  it("every name the course uses is in Torchlit", { timeout: 60_000 }, async () => {
    const { has } = await looked();
    expect(names.filter((n) => inv.names[n]?.includes("course") && !has.has(n))).toEqual([]);
  });

  it("every other missing name raises NotInTorchlitError", { timeout: 60_000 }, async () => {
    expect((await looked()).unexplained).toEqual([]);
  });

  it("FEATURES.md's coverage section is current (node scripts/write-coverage.ts)", {
    timeout: 60_000,
  }, async () => {
    const features = readFileSync(FEATURES, "utf8");
    const want = withSection(features, coverageSection(inv, (await looked()).has));
    // Biome pads the table's cells; the content is what must match.
    const cells = (md: string) => md.replace(/ *\| */g, "|").replace(/-{3,}/g, "---");
    expect(cells(features)).toBe(cells(want));
  });
});
