// One round of the A/B comparison (bench/ab.ts): every CPU case of the engine suite measured
// once in this process, printed as one JSON line {case: fastest single run in ms}. ab.ts runs this file from
// the current tree and from a copy of the base commit's engine that has the current bench/.
import { engineSuite } from "./engine.bench.ts";
import { measure } from "./harness.ts";

const out: Record<string, number> = {};
for (const [name, setup] of engineSuite().cases) out[name] = measure(setup).minMs;
console.log(JSON.stringify(out));
