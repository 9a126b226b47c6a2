// Unit tests of the Generator's own contract: seeding, 64-bit composition, the normal
// cache, state snapshots and clones, and the speed of the hot fills. Values that come
// from PyTorch itself are checked in fixture-replay.test.ts.

import { describe, expect, it } from "vitest";
import { DEFAULT_RNG_SEED, Generator, normal_, randomInt64, toUint64Seed } from "./index.ts";

describe("Generator", () => {
  it("starts from PyTorch's default seed 67280421310721 when none is given", () => {
    expect(new Generator().initialSeed()).toBe(67280421310721n);
    expect(DEFAULT_RNG_SEED).toBe(67280421310721n);
  });

  it("keeps the full uint64 seed but seeds the engine from its low 32 bits", () => {
    const a = new Generator().manualSeed(2n ** 32n + 5n);
    const b = new Generator().manualSeed(5);
    expect(a.initialSeed()).toBe(4294967301n);
    expect(a.random()).toBe(b.random());
  });

  it("wraps negative seeds to uint64 as torch.manual_seed(-1) does", () => {
    expect(toUint64Seed(-1)).toBe(18446744073709551615n);
    expect(() => toUint64Seed(1.5)).toThrow(TypeError);
  });

  it("produces the reference mt19937 output for seed 5489", () => {
    // First outputs of std::mt19937 with its default seed.
    const g = new Generator(5489);
    expect([g.random(), g.random(), g.random()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it("composes random64 from the first draw as high word and the second as low word", () => {
    const a = new Generator(7);
    const b = new Generator(7);
    const hi = BigInt(b.random());
    const lo = BigInt(b.random());
    expect(a.random64()).toBe((hi << 32n) | lo);
  });

  it("draws int64 scalars as a 64-bit value modulo 2^63", () => {
    const a = new Generator(3);
    const b = new Generator(3);
    expect(randomInt64(a)).toBe(b.random64() & ((1n << 63n) - 1n));
  });

  it("serves the cached second Box-Muller sample before drawing again", () => {
    const g = new Generator(0);
    const first = normal_(new Float64Array(1), 0, 1, g)[0];
    expect(g.nextDoubleNormalSample).not.toBeNull();
    const cached = g.nextDoubleNormalSample;
    const second = normal_(new Float64Array(1), 0, 1, g)[0];
    expect(second).toBe(cached);
    expect(g.nextDoubleNormalSample).toBeNull();
    expect(first).not.toBe(second);
  });

  it("drops the normal cache on manualSeed", () => {
    const g = new Generator(0);
    normal_(new Float64Array(1), 0, 1, g);
    g.manualSeed(0);
    expect(g.nextDoubleNormalSample).toBeNull();
  });

  it("restores draws and the normal cache from getState", () => {
    const g = new Generator(11);
    normal_(new Float32Array(3), 0, 1, g);
    const state = g.getState();
    const before = Array.from(normal_(new Float64Array(5), 0, 1, g));
    g.setState(state);
    expect(Array.from(normal_(new Float64Array(5), 0, 1, g))).toEqual(before);
  });

  it("clones into an independent generator in the same state", () => {
    const g = new Generator(9);
    g.random();
    const c = g.clone();
    expect(c.random()).toBe(g.random());
    c.random();
    expect(c.random()).not.toBe(g.random());
  });

  it("reseeds non-deterministically with seed() and reports the seed", () => {
    const g = new Generator();
    const s = g.seed();
    expect(g.initialSeed()).toBe(s);
    expect(new Generator().manualSeed(s).random()).toBe(new Generator(s).random());
  });
});
