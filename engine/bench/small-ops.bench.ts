// `node bench/small-ops.bench.ts`: per-op cost of small elementwise ops on the CPU, where the
// engine's per-op overhead (dtype, broadcast and layout decisions, allocation) outweighs the
// arithmetic. Each step runs an op 2,000 times; the table gives microseconds per op, the
// fastest and median step of many. Used to check that choosing a result's layout (issue #14,
// core/layout.ts) costs the row-major path nothing measurable.
import { arange, type Tensor } from "torchlit";
import { measure } from "./harness.ts";

const REPS = 2000;
const x = arange(12, undefined, 1, { dtype: "float32" }).view(3, 4);
const y = arange(12, undefined, 1, { dtype: "float32" }).view(3, 4);
const row = arange(4, undefined, 1, { dtype: "float32" });
const xt = x.t();
const big = arange(1 << 20, undefined, 1, { dtype: "float32" }).view(1024, 1024);

const cases: [string, () => Tensor][] = [
  ["x + y (3x4)", () => x.add(y)],
  ["x * 2 (3x4)", () => x.mul(2)],
  ["x + row (3x4 + 4)", () => x.add(row)],
  ["x.exp() (3x4)", () => x.exp()],
  ["x > 0 (3x4)", () => x.gt(0)],
  ["x.t().mul(2) (4x3)", () => xt.mul(2)],
  ["x.t() + x.t() (4x3)", () => xt.add(xt)],
];

console.log("| op | fastest µs/op | median µs/op |\n|---|---:|---:|");
for (const [name, f] of cases) {
  const r = measure(() => ({
    step: () => {
      for (let i = 0; i < REPS; i++) f();
    },
  }));
  console.log(
    `| ${name} | ${((r.minMs * 1000) / REPS).toFixed(2)} | ${((r.medianMs * 1000) / REPS).toFixed(2)} |`,
  );
}
const rb = measure(() => ({ step: () => void big.t().add(big) }));
console.log(
  `| big.t() + big (1024x1024) | ${(rb.minMs * 1000).toFixed(0)} | ${(rb.medianMs * 1000).toFixed(0)} |`,
);
