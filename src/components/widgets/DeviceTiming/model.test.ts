// The device-timing figure's arithmetic (median, GFLOP/s, how many matmuls a sample runs, where
// the GPU starts to win) and its CPU-vs-GPU check: a float32 product summed in another order
// passes, one with a product dropped or a wrong element fails. measure.ts is run on the CPU
// here; on WebGPU it runs in e2e/widget-device-timing.spec.ts.
import { describe, expect, it } from "vitest";
import { inputs, timeCpu } from "./measure.ts";
import {
  checkProduct,
  crossover,
  DEFAULT_SIZES,
  flops,
  gflops,
  MAX_REPEAT,
  median,
  OPT_IN_ABOVE,
  type Row,
  repeatFor,
  SIZES,
  tolerance,
  validSizes,
} from "./model.ts";

const f32 = Math.fround;

/** C = A @ B in float32, each dot product summed from the last k to the first. */
function matmulReversed(a: Float32Array, b: Float32Array, n: number): Float32Array {
  const c = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = n - 1; k >= 0; k--)
        s = f32(s + f32((a[i * n + k] as number) * (b[k * n + j] as number)));
      c[i * n + j] = s;
    }
  return c;
}

/** Row of a made-up measurement: CPU and GPU medians in ms (checked unless `ok` is false). */
const row = (n: number, cpu: number, gpu?: number, ok = true): Row => ({
  n,
  cpu: { first: cpu, samples: [cpu], median: cpu, repeat: 1 },
  ...(gpu === undefined
    ? {}
    : {
        gpu: {
          first: gpu * 10,
          samples: [gpu],
          median: gpu,
          repeat: 1,
          readback: 1,
          dispatches: 3,
        },
        check: { ok, maxDiff: 0, worst: 0, at: 0, cpu: 0, gpu: 0 },
      }),
});

describe("median(xs)", () => {
  it("is the middle value of an odd count, in any order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9])).toBe(9);
  });
  it("is the mean of the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("is not moved by one slow outlier", () => {
    expect(median([1, 1.1, 0.9, 1, 250])).toBe(1);
  });
  it("leaves its input unsorted and refuses nothing", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
    expect(() => median([])).toThrow();
  });
});

describe("gflops(n, ms)", () => {
  it("is 2n³ / t", () => {
    expect(flops(1024)).toBe(2 * 1024 ** 3);
    // 2·512³ = 268 435 456 FLOP in 10 ms: 26.84 GFLOP/s.
    expect(gflops(512, 10)).toBeCloseTo(26.8435456, 9);
    expect(gflops(64, 1)).toBeCloseTo((2 * 64 ** 3) / 1e-3 / 1e9, 12);
  });
});

describe("repeatFor(warmMs)", () => {
  it("repeats a fast matmul until a sample lasts 2 ms, at most MAX_REPEAT times", () => {
    expect(repeatFor(0.1)).toBe(20);
    expect(repeatFor(0.01)).toBe(MAX_REPEAT);
    expect(repeatFor(0)).toBe(MAX_REPEAT);
  });
  it("runs a slow matmul once per sample", () => {
    expect(repeatFor(2)).toBe(1);
    expect(repeatFor(500)).toBe(1);
  });
});

describe("crossover(rows)", () => {
  it("finds the first size from which the GPU stays faster, interpolated in log-log", () => {
    const c = crossover([row(64, 1, 4), row(128, 2, 4), row(256, 8, 2), row(512, 40, 4)]);
    expect(c).toMatchObject({ kind: "crossover", below: 128, from: 256 });
    // log(gpu/cpu) goes from log 2 at 128 to log ¼ at 256: zero a third of the way, 2^(7 + 1/3).
    if (c.kind === "crossover") expect(c.at).toBeCloseTo(2 ** (7 + 1 / 3), 9);
  });
  it("ignores a GPU win that does not last to the largest size", () => {
    expect(crossover([row(64, 4, 1), row(128, 2, 4), row(256, 8, 2)])).toMatchObject({
      kind: "crossover",
      below: 128,
      from: 256,
    });
    expect(crossover([row(64, 4, 1), row(128, 1, 4)])).toEqual({ kind: "none", largest: 128 });
  });
  it("says when the GPU never wins (a software adapter) and when it always does", () => {
    expect(crossover([row(64, 0.1, 2), row(128, 0.5, 9), row(256, 4, 70)])).toEqual({
      kind: "none",
      largest: 256,
    });
    expect(crossover([row(64, 2, 1), row(128, 8, 1)])).toEqual({ kind: "gpu-always" });
  });
  it("counts only sizes whose GPU product passed the check, in order of n", () => {
    expect(crossover([row(256, 8, 2, false), row(128, 2, 4)])).toEqual({
      kind: "none",
      largest: 128,
    });
    expect(crossover([row(64, 1)])).toEqual({ kind: "unknown" });
    expect(crossover([])).toEqual({ kind: "unknown" });
  });
});

describe("checkProduct(n, cpu, gpu)", () => {
  const n = 128;
  const [ta, tb] = inputs(n);
  const a = ta.dataSync() as Float32Array;
  const b = tb.dataSync() as Float32Array;
  const cpu = ta.matmul(tb).dataSync() as Float32Array;

  it("passes the same product summed in another order (what a GPU kernel does)", () => {
    const other = matmulReversed(a, b, n);
    expect([...other]).not.toEqual([...cpu]);
    const c = checkProduct(n, cpu, other);
    expect(c.ok).toBe(true);
    expect(c.maxDiff).toBeGreaterThan(0);
    // Rounding in practice stays far inside the worst-case bound.
    expect(c.worst).toBeLessThan(0.25);
  });
  it("fails a product with one term dropped from one element", () => {
    const bad = Float32Array.from(cpu);
    const i = 37 * n + 91;
    bad[i] = f32((bad[i] as number) - (a[37 * n] as number) * (b[91] as number));
    // Inputs are seeded, so this product is not tiny; the bound is about 2n·2⁻²⁴ relative.
    expect((a[37 * n] as number) * (b[91] as number)).toBeGreaterThan(
      tolerance(n, cpu[i] as number),
    );
    const c = checkProduct(n, cpu, bad);
    expect(c).toMatchObject({ ok: false, at: i });
  });
  it("fails NaN, a wrong length, and an element from the wrong place", () => {
    const nan = Float32Array.from(cpu);
    nan[5] = Number.NaN;
    expect(checkProduct(n, cpu, nan)).toMatchObject({ ok: false, at: 5 });
    expect(checkProduct(n, cpu, cpu.subarray(1)).ok).toBe(false);
    const swapped = Float32Array.from(cpu);
    swapped[0] = cpu[1] as number;
    expect(checkProduct(n, cpu, swapped).ok).toBe(false);
  });
  it("allows 2γₙ of the value: about 2n·2⁻²⁴ relative", () => {
    expect(tolerance(1024, 256) / 256 / ((2 * 1024) / 2 ** 24)).toBeCloseTo(1, 3);
    expect(tolerance(64, 0)).toBeGreaterThan(0);
  });
});

describe("sizes", () => {
  it("offers 64 to 2048, with the sizes above 512 opt-in", () => {
    expect(SIZES).toEqual([64, 128, 256, 512, 1024, 2048]);
    expect(DEFAULT_SIZES).toEqual([64, 128, 256, 512]);
    expect(DEFAULT_SIZES.every((n) => n <= OPT_IN_ABOVE)).toBe(true);
  });
  it("keeps only known sizes, each once, in order", () => {
    expect(validSizes([256, 64, 64, 100, 4096])).toEqual([64, 256]);
  });
});

describe("timeCpu (measure.ts, on the engine's CPU backend)", () => {
  it("times the first run apart and gives the median of the timed samples", async () => {
    const [a, b] = inputs(64);
    const phases: string[] = [];
    const { times, values } = await timeCpu(a, b, 3, (d, p, r) =>
      phases.push(`${d} ${p} ${r ?? ""}`),
    );
    expect(phases).toEqual([
      "cpu first ",
      "cpu warm-up ",
      "cpu timed 1",
      "cpu timed 2",
      "cpu timed 3",
    ]);
    expect(times.samples).toHaveLength(3);
    expect(times.median).toBe(median(times.samples));
    expect(times.first).toBeGreaterThanOrEqual(0);
    expect(times.repeat).toBeGreaterThanOrEqual(1);
    expect([...values]).toEqual([...(a.matmul(b).dataSync() as Float32Array)]);
  });
  it("uses the same seeded inputs for every reader", () => {
    const [a1] = inputs(64);
    const [a2] = inputs(64);
    expect([...(a1.dataSync() as Float32Array)]).toEqual([...(a2.dataSync() as Float32Array)]);
  });
});
