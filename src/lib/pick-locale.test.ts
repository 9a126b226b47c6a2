import { describe, expect, it } from "vitest";
import { pickLocale } from "./pick-locale.ts";

describe("pickLocale(languages)", () => {
  it("picks zh-cn for any Chinese variant", () => {
    expect(pickLocale(["zh-CN"])).toBe("zh-cn");
    expect(pickLocale(["zh"])).toBe("zh-cn");
    expect(pickLocale(["zh-Hans-SG", "en"])).toBe("zh-cn");
  });

  it("follows the reader's order of preference", () => {
    expect(pickLocale(["en-GB", "zh-CN"])).toBe("en");
    expect(pickLocale(["fr-FR", "zh-TW", "en"])).toBe("zh-cn");
  });

  it("falls back to English when no language matches", () => {
    expect(pickLocale([])).toBe("en");
    expect(pickLocale(["de-DE", "fr"])).toBe("en");
    expect(pickLocale(["zhx"])).toBe("en");
  });
});
