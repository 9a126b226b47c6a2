// Replays engine/fixtures/random.json (written by gen_random.py under PyTorch 1.13)
// against this module and demands the same values bit for bit. A missing fixture fails.
// Float64 normals are the one exception: they go through glibc's log/sin/cos, which
// JavaScript's Math rounds differently in the last bit (~10% of calls), so those are
// held to LIBM_ULPS ulps (see the test name). Everything float32 is exact.

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bernoulli_,
  dataLoaderEpoch,
  defaultGenerator,
  exponential_,
  Generator,
  linearInit,
  normal_,
  type RandomTarget,
  random_,
  randomFromTo_,
  randomInt64,
  randperm,
  uniform_,
} from "./index.ts";

type Encoded = number | string;
interface Call {
  op: string;
  dtype?: string;
  n?: number;
  expected?: unknown;
  [key: string]: unknown;
}
interface Case {
  name: string;
  seed: Encoded;
  calls: Call[];
}

const FIXTURE = new URL("../../fixtures/random.json", import.meta.url);

function loadCases(): Case[] {
  if (!existsSync(FIXTURE)) {
    throw new Error(
      `missing ${FIXTURE.pathname}: run /usr/bin/python3 engine/fixtures/gen_random.py`,
    );
  }
  return (JSON.parse(readFileSync(FIXTURE, "utf8")) as { cases: Case[] }).cases;
}

function allocate(dtype: string | undefined, n: number): RandomTarget {
  switch (dtype ?? "float32") {
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "int32":
      return new Int32Array(n);
    case "bool":
      return new Uint8Array(n);
    default:
      throw new Error(`unknown dtype ${dtype}`);
  }
}

function floats(dtype: string | undefined, n: number): Float32Array | Float64Array {
  return dtype === "float64" ? new Float64Array(n) : new Float32Array(n);
}

const big = (v: unknown): bigint => BigInt(v as Encoded);

/** Runs one fixture call on the default generator; returns what to compare with `expected`. */
function replay(call: Call): unknown {
  const n = call.n ?? 0;
  const g = defaultGenerator;
  switch (call.op) {
    case "uniform":
      return Array.from(
        uniform_(floats(call.dtype, n), (call.from as number) ?? 0, (call.to as number) ?? 1, g),
      );
    case "normal":
      return Array.from(
        normal_(floats(call.dtype, n), (call.mean as number) ?? 0, (call.std as number) ?? 1, g),
      );
    case "randint":
      return encode(randomFromTo_(allocate(call.dtype, n), big(call.low), big(call.high), g));
    case "random":
      return n === 0 ? [encodeOne(randomInt64(g))] : encode(random_(allocate(call.dtype, n), g));
    case "random_from": {
      const to = call.to === null ? null : big(call.to);
      return encode(randomFromTo_(allocate(call.dtype, n), big(call.from), to, g));
    }
    case "randperm":
      return encode(randperm(n, g));
    case "randperm_generator":
      return encode(randperm(n, new Generator().manualSeed(big(call.seed))));
    case "bernoulli":
      return Array.from(bernoulli_(floats(call.dtype, n), call.p as number, g));
    case "exponential":
      return Array.from(exponential_(floats(call.dtype, n), call.lambd as number, g));
    case "linear": {
      const { weight, bias } = linearInit(
        g,
        call.in as number,
        call.out as number,
        call.bias as boolean,
      );
      const w = Array.from(weight);
      const b = bias === null ? null : Array.from(bias);
      if (w.length > 1024)
        return { weight_head: w.slice(0, 256), weight_tail: w.slice(-256), bias: b };
      return { weight: w, bias: b };
    }
    case "dataloader": {
      const epochs: number[][][] = [];
      for (let e = 0; e < (call.epochs as number); e++) {
        epochs.push(
          dataLoaderEpoch(call.n as number, {
            batchSize: call.batch_size as number,
            dropLast: call.drop_last as boolean,
          }),
        );
      }
      return epochs;
    }
    case "initial_seed":
      return encodeOne(g.initialSeed());
    default:
      throw new Error(`unknown op ${call.op}`);
  }
}

function encodeOne(v: bigint | number): Encoded {
  const x = typeof v === "bigint" ? v : BigInt(v);
  return x <= 2n ** 53n && x >= -(2n ** 53n) ? Number(x) : x.toString();
}

function encode(out: RandomTarget): Encoded[] {
  return Array.from(out as ArrayLike<number | bigint>, encodeOne);
}

/** How far float64 normals may drift from PyTorch: one-ulp libm differences compound. */
const LIBM_ULPS = 4;

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = (buf[0] as bigint) - (buf[1] as bigint);
  return Number(d < 0n ? -d : d);
}

function describeCall(call: Call): string {
  const { expected: _omit, ...args } = call;
  return JSON.stringify(args);
}

const cases = loadCases();

describe("random.json fixture from PyTorch 1.13", () => {
  it("exists and holds cases", () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const c of cases) {
    const libmBound = c.calls.some((call) => call.op === "normal" && call.dtype === "float64");
    const title = libmBound
      ? `${c.name} after manual_seed(${c.seed}) matches PyTorch exactly, float64 normals within ${LIBM_ULPS} ulps`
      : `${c.name} after manual_seed(${c.seed}) matches PyTorch bit for bit`;
    it(title, () => {
      defaultGenerator.manualSeed(big(c.seed));
      for (const call of c.calls) {
        const got = replay(call);
        const want = call.expected;
        if (call.op === "normal" && call.dtype === "float64") {
          const g = got as number[];
          const w = want as number[];
          expect(g.length, describeCall(call)).toBe(w.length);
          const worst = Math.max(0, ...g.map((v, i) => ulps(v, w[i] as number)));
          expect(worst, describeCall(call)).toBeLessThanOrEqual(LIBM_ULPS);
        } else {
          expect(got, describeCall(call)).toEqual(want);
        }
      }
    });
  }
});
