// The one entry point to our components' texts: the locale picker and the table for a page's
// language. Build-time code (the .astro components) imports the values; client scripts import
// only `type UiStrings` and read the set their component serialized, so no table is bundled.
import { en, type UiStrings } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export type { UiStrings };

/** The languages our components are written in (Starlight's locale keys). */
export type Locale = "en" | "zh-cn";

const tables: Record<Locale, UiStrings> = { en, "zh-cn": zhCN };

/**
 * The locale for a BCP 47 language tag ("zh-CN", "zh-cn", "en", …): Chinese for any tag that
 * starts with "zh" (any case), else English, undefined included.
 */
export function locale(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

/** All of our components' texts for a page language; English is the fallback. */
export function ui(lang: string | undefined): UiStrings {
  return tables[locale(lang)];
}

/** "zh" or "en": the key into bilingual exercise texts (exercise.json, prompts, code). */
export function textLang(lang: string | undefined): "zh" | "en" {
  return locale(lang) === "zh-cn" ? "zh" : "en";
}
