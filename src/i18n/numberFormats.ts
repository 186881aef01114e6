import type { Language } from "./findings";

/**
 * Numbers as each language writes them ("32 767", "32,767"; up to three decimals, as `toLocaleString` shows them).
 * One formatter per language, made on first use and kept: `toLocaleString` with a locale builds a new ICU formatter
 * on every call, which the pane's first render (a count on every sheet's row) paid for dozens of times.
 */
const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };
const formats: Partial<Record<Language, Intl.NumberFormat>> = {};

export function formatNumber(n: number, language: Language): string {
  return (formats[language] ??= new Intl.NumberFormat(LOCALES[language])).format(n);
}
