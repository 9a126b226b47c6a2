// Unit tests of the toggle's texts: every reason the worker can give for a missing GPU is
// written in each locale, the Chinese ones in Chinese, with a place for the browser's words
// where the worker passes them on.
import { describe, expect, it } from "vitest";
import type { GpuProblem } from "../../runtime/host-types.ts";
import { deviceStrings } from "./strings.ts";

const problems: GpuProblem[] = ["no-webgpu", "no-jspi", "no-adapter", "device-lost", "failed"];
const withDetail = new Set<GpuProblem>(["device-lost", "failed"]);

describe("deviceStrings(lang).reasons", () => {
  const en = deviceStrings("en");
  const zh = deviceStrings("zh-CN");

  it("has exactly the worker's problem kinds in both locales", () => {
    expect(Object.keys(en.reasons).sort()).toEqual([...problems].sort());
    expect(Object.keys(zh.reasons).sort()).toEqual([...problems].sort());
  });

  for (const problem of problems) {
    it(`says "${problem}" in Chinese on zh-CN pages`, () => {
      expect(zh.reasons[problem]).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.reasons[problem]).not.toBe(en.reasons[problem]);
      for (const t of [en, zh]) {
        expect(t.reasons[problem].includes("{detail}")).toBe(withDetail.has(problem));
      }
    });
  }
});
