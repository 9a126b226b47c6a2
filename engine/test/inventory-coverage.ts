// What share of the PyTorch names learners meet (inventory/api-inventory.json, written by
// inventory/inventory.py) Torchlit's torch package has, asked of the package itself in Pyodide,
// and FEATURES.md's coverage section made from the answer. Used by test/inventory.test.ts
// (which checks the section is current) and scripts/write-coverage.ts (which writes it).

import { readFileSync } from "node:fs";
import { runPythonJson } from "./python-support.ts";

export interface Inventory {
  torch: string;
  sources: {
    "d2l-en": { repo: string; commit: string; files: string[] };
    "pytorch-tutorials": { repo: string; files: Record<string, string> };
  };
  /** Each name with the sources that use it: "d2l-en", "pytorch-tutorials", "course". */
  names: Record<string, string[]>;
}

export const INVENTORY = new URL("../inventory/api-inventory.json", import.meta.url);
export const FEATURES = new URL("../FEATURES.md", import.meta.url);

export const loadInventory = (): Inventory =>
  JSON.parse(readFileSync(INVENTORY, "utf8")) as Inventory;

export interface Lookup {
  /** The names whose lookup succeeds. */
  has: Set<string>;
  /** Missing names whose lookup raised a plain AttributeError, not NotInTorchlitError. */
  unexplained: string[];
}

/** Looks every name up in Torchlit's `import torch`, as a program would. */
export async function lookUpNames(names: string[]): Promise<Lookup> {
  const found = await runPythonJson<Record<string, string>>(`
import json
import warnings

import torch
import torch.nn.functional
import torch.utils.data

warnings.simplefilter("ignore")

def lookup(dotted):
    """'has', or how the lookup failed: 'not in torchlit' or 'plain'."""
    parts = dotted.split(".")
    if dotted.startswith("torch.Tensor."):
        obj, rest = torch.ones(2, 2), parts[2:]
    else:
        obj, rest = torch, parts[1:]
    for p in rest:
        try:
            obj = getattr(obj, p)
        except torch.NotInTorchlitError:
            return "not in torchlit"
        except AttributeError:
            return "plain"
    return "has"

names = json.loads(${JSON.stringify(JSON.stringify(names))})
print(json.dumps({n: lookup(n) for n in names}))
`);
  const named = (what: string) => Object.keys(found).filter((n) => found[n] === what);
  return { has: new Set(named("has")), unexplained: named("plain") };
}

const START = "<!-- coverage: written by `node engine/scripts/write-coverage.ts`; do not edit -->";
const END = "<!-- /coverage -->";

const pct = (have: number, all: number): string =>
  all === 0 ? "—" : `${Math.floor((100 * have) / all)} %`;

/** FEATURES.md's coverage section, from the inventory and what Torchlit has. */
export function coverageSection(inv: Inventory, has: Set<string>): string {
  const all = Object.keys(inv.names);
  const rows: [string, string[]][] = [
    [
      `d2l-en chapters 2–5 (\`${inv.sources["d2l-en"].commit.slice(0, 10)}\`)`,
      all.filter((n) => inv.names[n]?.includes("d2l-en")),
    ],
    [
      "PyTorch tutorials: Learn the Basics, Tensors, Autograd",
      all.filter((n) => inv.names[n]?.includes("pytorch-tutorials")),
    ],
    ["this course's lessons and exercises", all.filter((n) => inv.names[n]?.includes("course"))],
    ["all of them", all],
  ];
  const missing = all.filter((n) => !has.has(n));
  return [
    START,
    "",
    `Of the ${all.length} PyTorch names used by the code learners meet (listed in`,
    "`engine/inventory/api-inventory.json` by `engine/inventory/inventory.py`, which names the",
    "sources' commits), Torchlit has:",
    "",
    "| code | names | in Torchlit | share |",
    "| --- | --- | --- | --- |",
    ...rows.map(([what, ns]) => {
      const have = ns.filter((n) => has.has(n)).length;
      return `| ${what} | ${ns.length} | ${have} | ${pct(have, ns.length)} |`;
    }),
    "",
    missing.length === 0
      ? "Not yet in Torchlit: none."
      : `Not yet in Torchlit (each raises \`torch.NotInTorchlitError\`): ${missing.map((n) => `\`${n}\``).join(", ")}.`,
    "",
    END,
  ].join("\n");
}

/** FEATURES.md with its coverage section replaced (or appended when it has none). */
export function withSection(features: string, section: string): string {
  const i = features.indexOf(START);
  const j = features.indexOf(END);
  if (i < 0 || j < 0)
    return `${features.trimEnd()}\n\n## Coverage of what learners meet\n\n${section}\n`;
  return features.slice(0, i) + section + features.slice(j + END.length);
}
