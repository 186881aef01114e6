import { AmountUnit, formatAmount } from "../domain/amounts";
import type { Language } from "./findings";

/**
 * Numbers as each language writes them, exactly as `toLocaleString` would: "−32 767" (U+2212, no-break space),
 * "-32,767"; up to three decimals. Whole numbers (counts, most amounts) are grouped here: the first ICU formatter a
 * page makes costs tens of milliseconds, and the pane's first render shows counts. Other numbers go to one formatter
 * per language, made on first use and kept (`toLocaleString` with a locale makes a new one on every call).
 */
const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };
const GROUP: Record<Language, string> = { sv: "\u00a0", en: "," };
const MINUS: Record<Language, string> = { sv: "\u2212", en: "-" };
const formats: Partial<Record<Language, Intl.NumberFormat>> = {};

export function formatNumber(n: number, language: Language): string {
  if (!Number.isSafeInteger(n)) return (formats[language] ??= new Intl.NumberFormat(LOCALES[language])).format(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, GROUP[language]);
  return n < 0 || Object.is(n, -0) ? `${MINUS[language]}${digits}` : digits;
}

/** An amount in öre as each language writes it in `unit`: "−2 700 tkr", "-2,700 tkr". */
export function formatAmountIn(ore: number, language: Language, unit: AmountUnit = "tkr"): string {
  return formatAmount(ore, unit, {
    group: GROUP[language],
    decimal: language === "sv" ? "," : ".",
    minus: MINUS[language],
  });
}
