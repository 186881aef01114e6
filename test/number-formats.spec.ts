import { formatNumber } from "../src/i18n/numberFormats";

/** formatNumber writes what toLocaleString writes, in both languages, for whole numbers it groups itself and others. */
describe("formatNumber", () => {
  const wholes = [0, 7, -7, 999, 1000, -1000, 1234, 12345, 123456, 1234567, -98765432, Number.MAX_SAFE_INTEGER];
  const others = [0.5, -0.25, 1234.5678, -1234.5, 1e21, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, -0];
  for (const [language, locale] of [
    ["sv", "sv-SE"],
    ["en", "en-GB"],
  ] as const) {
    test(`${language}: as toLocaleString("${locale}")`, () => {
      for (const n of [...wholes, ...others]) expect(formatNumber(n, language)).toBe(n.toLocaleString(locale));
      for (let n = -20000; n <= 20000; n += 7) expect(formatNumber(n, language)).toBe(n.toLocaleString(locale));
    });
  }
});
