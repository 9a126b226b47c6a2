// Python number text against CPython 3.11's own output (fixtures/format.json),
// plus a seeded cross-check of the toFixed/toExponential fast paths against the
// exact BigInt rounding they fall back to on ties.

import { describe, expect, it } from "vitest";
import {
  binaryParts,
  exactFixed,
  exactScientific,
  isHalfwayAt,
  roundDigits,
} from "./exact-decimal.ts";
import { decodeFloat, loadFormatFixture } from "./format-fixture.ts";
import {
  formatExponent,
  formatFixed,
  parsePyFormatSpec,
  pyFormat,
  pyIntStr,
  pyRepr,
  pyStr,
} from "./py-float.ts";

/** mulberry32: a small seeded generator, so every run checks the same doubles. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function randomDouble(next: () => number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, next());
  view.setUint32(4, next());
  return view.getFloat64(0);
}

describe("pyFormat against CPython", () => {
  const { floats } = loadFormatFixture();

  it("has a substantial fixture", () => {
    expect(floats.length).toBeGreaterThan(1000);
  });

  it("matches format(x, spec) for every fixture case", () => {
    const failures: string[] = [];
    for (const c of floats) {
      const got = pyFormat(decodeFloat(c.x), c.spec);
      if (got !== c.out) failures.push(`format(${c.x}, '${c.spec}'): got ${got}, want ${c.out}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe("pyRepr(x)", () => {
  it("writes Python's repr for landmark values", () => {
    const cases: Array<[number, string]> = [
      [0, "0.0"],
      [-0, "-0.0"],
      [100, "100.0"],
      [1e-5, "1e-05"],
      [1e-4, "0.0001"],
      [1e16, "1e+16"],
      [1e15, "1000000000000000.0"],
      [1.5e300, "1.5e+300"],
      [5e-324, "5e-324"],
      [Number.POSITIVE_INFINITY, "inf"],
      [Number.NEGATIVE_INFINITY, "-inf"],
      [Number.NaN, "nan"],
      [0.1 + 0.2, "0.30000000000000004"],
    ];
    for (const [x, want] of cases) expect(pyRepr(x)).toBe(want);
  });

  it("is what str(x) prints too", () => {
    expect(pyStr(2.5)).toBe("2.5");
  });
});

describe("formatFixed and formatExponent", () => {
  it("round exact ties half to even, unlike toFixed", () => {
    expect((1.03125).toFixed(4)).toBe("1.0313");
    expect(formatFixed(1.03125, 4)).toBe("1.0312");
    expect(formatFixed(2.5, 0)).toBe("2");
    expect(formatFixed(-0.125, 2)).toBe("-0.12");
    expect(formatExponent(25, 0)).toBe("2e+01");
    expect(formatExponent(1.03125, 4)).toBe("1.0312e+00");
  });

  it("keep the sign of negative zero and of values that round to zero", () => {
    expect(formatFixed(-0, 4)).toBe("-0.0000");
    expect(formatFixed(-0.00001, 4)).toBe("-0.0000");
    expect(formatExponent(-0, 4)).toBe("-0.0000e+00");
  });

  it("agree with the exact BigInt rounding on 10,000 seeded random doubles", () => {
    const next = rng(42);
    for (let i = 0; i < 10000; i++) {
      let x = randomDouble(next);
      if (!Number.isFinite(x) || x === 0) continue;
      // Half the samples at everyday magnitudes, where toFixed is used.
      if (i % 2 === 0)
        x = (x / 2 ** Math.round(Math.log2(Math.abs(x)))) * 10 ** ((next() % 16) - 8);
      if (x === 0) continue; // the scaling above can underflow to a signed zero
      const a = Math.abs(x);
      const p = next() % 9;
      const sign = x < 0 ? "-" : "";
      if (a < 1e21) expect(formatFixed(x, p)).toBe(sign + exactFixed(a, p));
      const { mantissa, exponent } = exactScientific(a, p);
      const frac = p > 0 ? `.${mantissa.slice(1)}` : "";
      const exp = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
      expect(formatExponent(x, p)).toBe(`${sign}${mantissa[0]}${frac}e${exp}`);
    }
  });
});

describe("exact decimal helpers", () => {
  it("split a double into an odd mantissa and a power of two", () => {
    expect(binaryParts(1.03125)).toEqual({ odd: 33, exp2: -5 });
    expect(binaryParts(5e-324)).toEqual({ odd: 1, exp2: -1074 });
    expect(binaryParts(96)).toEqual({ odd: 3, exp2: 5 });
  });

  it("detect halfway points at positive and negative decimal scales", () => {
    expect(isHalfwayAt(1.03125, 4)).toBe(true);
    expect(isHalfwayAt(1.03125, 3)).toBe(false);
    expect(isHalfwayAt(25, -1)).toBe(true);
    expect(isHalfwayAt(35, -1)).toBe(true);
    expect(isHalfwayAt(24, -1)).toBe(false);
  });

  it("round digit strings half to even with carries", () => {
    expect(roundDigits("12345", 4)).toBe("1234");
    expect(roundDigits("12355", 4)).toBe("1236");
    expect(roundDigits("12350001", 3)).toBe("124");
    expect(roundDigits("9995", 3)).toBe("1000");
    expect(roundDigits("5", 0)).toBe("0");
    expect(roundDigits("51", 0)).toBe("1");
  });
});

describe("pyIntStr and parsePyFormatSpec", () => {
  it("print integers without exponent form", () => {
    expect(pyIntStr(-42)).toBe("-42");
    expect(pyIntStr(1e21)).toBe("1000000000000000000000");
    expect(pyIntStr(2n ** 63n)).toBe("9223372036854775808");
  });

  it("parse the specs the printer uses and refuse others", () => {
    expect(parsePyFormatSpec("10.4e")).toEqual({ width: 10, precision: 4, type: "e" });
    expect(parsePyFormatSpec("")).toEqual({ width: 0, precision: 6, type: "" });
    expect(() => parsePyFormatSpec(".3g")).toThrow(RangeError);
  });
});
