// Unit tests of the strings module: the one locale picker, and the two tables kept in step —
// the same keys at every depth, no empty text, the same {placeholders} in each pair, and every
// reason the worker can give for a missing GPU written in Chinese.
import { describe, expect, it } from "vitest";
import type { GpuProblem } from "../runtime/host-types.ts";
import { en } from "./en.ts";
import { locale, textLang, ui } from "./strings.ts";
import { zhCN } from "./zh-cn.ts";

/** Every string of a table by its dotted path ("cell.run", "device.reasons.failed", …). */
function leaves(table: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    const path = prefix + key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, s] of leaves(value as object, `${path}.`)) out.set(p, s);
  }
  return out;
}

/** Every key of a table by its dotted path, sections included (so an empty one counts too). */
function keys(table: object, prefix = ""): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? [prefix + key, ...keys(value, `${prefix}${key}.`)]
      : [prefix + key],
  );
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

describe("locale(lang)", () => {
  const cases: [string | undefined, string][] = [
    ["en", "en"],
    ["en-US", "en"],
    ["zh", "zh-cn"],
    ["zh-CN", "zh-cn"],
    ["zh-cn", "zh-cn"],
    [undefined, "en"],
    ["fr", "en"],
  ];
  for (const [lang, expected] of cases) {
    it(`picks ${expected} for ${String(lang)}`, () => {
      expect(locale(lang)).toBe(expected);
    });
  }

  it("gives ui() and textLang() the same choice", () => {
    expect(ui("zh-CN")).toBe(zhCN);
    expect(ui("en-US")).toBe(en);
    expect(ui(undefined)).toBe(en);
    expect(textLang("zh-CN")).toBe("zh");
    expect(textLang("fr")).toBe("en");
  });
});

describe("the en and zh-cn tables", () => {
  it("have the same keys at every depth", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it("have no empty string", () => {
    for (const table of [en, zhCN]) {
      for (const [path, text] of leaves(table)) expect(text.trim(), path).not.toBe("");
    }
  });

  it("use the same {placeholders} in each Chinese string as in its English one", () => {
    // The same names, each at least once: a sentence may repeat a name in one language only.
    const names = (text: string) => [...new Set(placeholders(text))].sort();
    const zh = leaves(zhCN);
    for (const [path, text] of leaves(en)) {
      expect(names(zh.get(path) ?? ""), path).toEqual(names(text));
    }
  });
});

describe("device.reasons", () => {
  const problems: GpuProblem[] = ["no-webgpu", "no-jspi", "no-adapter", "device-lost", "failed"];
  const withDetail = new Set<GpuProblem>(["device-lost", "failed"]);

  it("has exactly the worker's problem kinds in both locales", () => {
    expect(Object.keys(en.device.reasons).sort()).toEqual([...problems].sort());
    expect(Object.keys(zhCN.device.reasons).sort()).toEqual([...problems].sort());
  });

  for (const problem of problems) {
    it(`says "${problem}" in Chinese on zh-CN pages`, () => {
      expect(zhCN.device.reasons[problem]).toMatch(/[\u4e00-\u9fff]/);
      expect(zhCN.device.reasons[problem]).not.toBe(en.device.reasons[problem]);
      for (const t of [en, zhCN]) {
        expect(t.device.reasons[problem].includes("{detail}")).toBe(withDetail.has(problem));
      }
    });
  }
});
