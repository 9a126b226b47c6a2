import { describe, expect, it } from "vitest";
import { blockSums32 } from "./wasm-sum.ts";

describe("the Wasm block-sum kernel", () => {
  it("gives each block's 32 running float32 sums, in row order", () => {
    const rows = 3 * 16 + 5;
    const x = new Float32Array(7 + rows * 32);
    for (let i = 0; i < x.length; i++) x[i] = Math.fround(Math.sin(i) * 2 ** ((i % 9) - 4));
    const got = blockSums32(x, 7, 3, 16);
    expect(got).not.toBeNull();
    for (let b = 0; b < 3; b++) {
      for (let c = 0; c < 32; c++) {
        let s = 0;
        for (let j = 0; j < 16; j++) s = Math.fround(s + (x[7 + (b * 16 + j) * 32 + c] as number));
        expect((got as Float32Array)[b * 32 + c]).toBe(s);
      }
    }
  });

  it("grows its memory for a large input and still reads it all", () => {
    const x = new Float32Array(64 * 1024 * 32).fill(1);
    const got = blockSums32(x, 0, 1024, 64);
    expect(got?.length).toBe(1024 * 32);
    expect(got?.every((v) => v === 64)).toBe(true);
  });
});
