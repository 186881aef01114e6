import { CellValue, isErrorValue } from "../sheet/grid";

/**
 * Amounts as budget documents write them ("1 200 tkr", "1,2 mnkr", "−250", "(1 861,5)"), read exactly or not at all:
 * a wrong budget figure is worse than a flagged one, so every doubtful shape is reported instead of guessed.
 */

export type AmountUnit = "kr" | "tkr" | "mnkr" | "mdkr";

/** Exact amounts are held as an integer number of öre (1 kr = 100 öre); safe integers, sums never drift. */
export type AmountProblem =
  | "ambiguous" // could be read two ways: "1.200", "1,200 tkr", "(1 861,5)"
  | "unparseable" // not an amount: "tvåhundra tkr", "12 34", "1--2", "tkr"
  | "too-precise"; // finer than one öre: "0,0001 kr", or a numeric cell 0.0000001 tkr that is not float noise

export type AmountParse =
  | { ok: true; ore: number; unit: AmountUnit; sign: "+" | "-" | null /* the explicit sign written, if any */ }
  | {
      ok: false;
      problem: AmountProblem;
      text: string /* the cell text as given */;
      /** For an ambiguous amount, the two readings left open, in öre, and the unit they are in. */
      readings?: { first: number; second: number; unit: AmountUnit };
    };

/**
 * How a column writes its amounts, from the evidence of its text cells: "swedish" when some write Swedish (space
 * grouping, a decimal comma, U+2212 minus) and none English; then "1,200" is 1,2. Otherwise nothing is assumed.
 */
export type AmountConvention = "swedish" | null;

/** Swedish: grouped by a space of any kind, a decimal comma not followed by exactly three digits, or U+2212 minus. */
const SWEDISH_EVIDENCE = /\d[ \u00A0\u202F\u2009]\d{3}(?!\d)|\d,(?:\d{1,2}|\d{4,})(?!\d)|\u2212\s?\d/;
/** English: a comma group then a decimal point, several comma groups, or a decimal point with one or two digits. */
const ENGLISH_EVIDENCE = /\d,\d{3}\.\d|\d,\d{3},\d{3}|\d\.\d{1,2}(?!\d)/;

/** The convention that the texts of one column show (numbers typed as numbers show none). */
export function amountConvention(texts: Iterable<string>): AmountConvention {
  let swedish = false;
  for (const text of texts) {
    if (ENGLISH_EVIDENCE.test(text)) return null;
    swedish ||= SWEDISH_EVIDENCE.test(text);
  }
  return swedish ? "swedish" : null;
}

export const ORE_PER_UNIT: Record<AmountUnit, number> = {
  kr: 100,
  tkr: 100_000,
  mnkr: 100_000_000,
  mdkr: 100_000_000_000,
};

/** Unit spellings met in cells and headers, keyed lower case, without dots, words separated by one space. */
const UNIT_NAMES = new Map<string, AmountUnit>([
  ...names("kr", ["kr", "kronor", "sek"]),
  ...names("tkr", ["tkr", "tusen", "tusen kr", "tusen kronor", "ksek", "tsek", "sek thousand", "sek thousands"]),
  ...names("mnkr", [
    "mnkr",
    "mkr",
    "mn",
    "mn kr",
    "milj",
    "milj kr",
    "miljon kronor",
    "miljoner",
    "miljoner kr",
    "miljoner kronor",
    "msek",
    "sek million",
    "sek millions",
  ]),
  ...names("mdkr", [
    "mdkr",
    "md kr",
    "mdr",
    "mdr kr",
    "miljard kronor",
    "miljarder",
    "miljarder kr",
    "miljarder kronor",
    "sek billion",
    "sek billions",
  ]),
]);

function names(unit: AmountUnit, spellings: string[]): [string, AmountUnit][] {
  return spellings.map((spelling) => [spelling, unit]);
}

const NBSP = "\u00A0";
const MINUS = "\u2212";
/** Group separators met besides the plain space: no-break, narrow no-break and thin space. */
const SPACES = /[\u00A0\u202F\u2009]/g;
/** Accounting parentheses, with or without a sign or unit: negative or merely a note, nobody can tell. */
const PARENTHESISED = /^[-−–+]? ?\(.*\)$/s;
/** A part without letters, then optionally a unit made of letters, spaces and dots ("Mkr.", "milj. kr"). */
const NUMBER_AND_UNIT = /^([^\p{L}]*?)\s*(\p{L}[\p{L}\s.]*)?$/u;
/** Sign (glued or one space), an integer either ungrouped or in groups of three, then a decimal comma. */
const NUMBER = /^(?:([-−–+]) ?)?(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?$/;
/** Anything a number might be written as in some locale; a dot inside it is a separator we cannot place. */
const NUMBER_LIKE = /^(?:[-−–+] ?)?\d[\d .,]*$/;
const DOT_BETWEEN_DIGITS = /\d\.\d/;
/** "1,200": a thousands group in English, three decimals in Swedish. A group never follows a lone or leading 0. */
const COMMA_GROUP_INTEGER = /^[1-9]\d{0,2}$/;
/** String(n) of a finite number: "-12.5", "1e-7", "1.5e+21". */
const NUMBER_STRING = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

const MAX_ORE = BigInt(Number.MAX_SAFE_INTEGER);
/** Below 2^40 öre a float product that is whole is exact; above it, the decimal path decides. */
const FAST_ORE_LIMIT = 2 ** 40;

/** An exact decimal: digits × 10^exponent, sign apart. */
interface Decimal {
  negative: boolean;
  digits: bigint;
  exponent: number;
}

/**
 * null for an empty cell (null, "", whitespace only). Text carries its own unit, which wins over the header's; with no
 * unit anywhere, tkr (the working unit). Numbers use headerUnit ?? "tkr". Booleans, dates and error values are
 * unparseable.
 */
export function parseAmount(
  value: CellValue,
  headerUnit?: AmountUnit | null,
  convention: AmountConvention = null,
): AmountParse | null {
  if (value === null) return null;
  if (typeof value === "string") {
    return (
      plainText(value, headerUnit ?? "tkr") ??
      (value.trim() === "" ? null : parseText(value, headerUnit ?? "tkr", convention))
    );
  }
  if (typeof value === "number") {
    const unit = headerUnit ?? "tkr";
    const ore = numberToOre(value, unit);
    if (typeof ore === "string") return { ok: false, problem: ore, text: String(value) };
    // A number cell has no written "+", but a negative one was typed with its minus.
    return { ok: true, ore, unit, sign: value < 0 ? "-" : null };
  }
  return { ok: false, problem: "unparseable", text: cellText(value) };
}

/**
 * The shape nearly every cell of a ledger export has ("-1 234,56", "1234", "−50,5"), read without the general parser's
 * decimals: the same result parseText gives it, a hundred thousand times faster to sum. Null for anything else.
 */
const PLAIN = /^([-−–+]?)(\d{1,3}(?:[ \u00A0]\d{3})+|\d{1,12})(?:,(\d{1,2}))?$/;

function plainText(text: string, unit: AmountUnit): AmountParse | null {
  const match = PLAIN.exec(text);
  if (!match) return null;
  const [, signChar, integer, fraction = ""] = match;
  const perUnit = ORE_PER_UNIT[unit];
  const whole = Number(integer.length > 3 ? integer.replace(/[ \u00A0]/g, "") : integer);
  const part = fraction ? (Number(fraction) * perUnit) / 10 ** fraction.length : 0;
  const ore = whole * perUnit + part;
  if (!Number.isSafeInteger(ore) || !Number.isInteger(part)) return null;
  const sign = signChar === "" ? null : signChar === "+" ? "+" : "-";
  return { ok: true, ore: sign === "-" && ore !== 0 ? -ore : ore, unit, sign };
}

function parseText(text: string, defaultUnit: AmountUnit, convention: AmountConvention): AmountParse {
  const fail = (problem: AmountProblem): AmountParse => ({ ok: false, problem, text });
  const open = (first: number | AmountProblem, second: number | AmountProblem, unit: AmountUnit): AmountParse =>
    typeof first === "number" && typeof second === "number"
      ? { ok: false, problem: "ambiguous", text, readings: { first, second, unit } }
      : fail("ambiguous");
  const normalised = text.trim().replace(SPACES, " ");
  if (PARENTHESISED.test(normalised)) {
    // Negative in accounting, or a plain amount in brackets ("(1 861,5 tkr)").
    const inner = parseText(normalised.replace(/^[-−–+] ?/, "").replace(/[()]/g, ""), defaultUnit, convention);
    return inner.ok ? open(-inner.ore, inner.ore, inner.unit) : fail("ambiguous");
  }

  const split = NUMBER_AND_UNIT.exec(normalised);
  if (!split) return fail("unparseable");
  const [, numberPart, unitPart] = split;
  const unit = unitPart === undefined ? defaultUnit : UNIT_NAMES.get(unitKey(unitPart));
  if (!unit) return fail("unparseable");
  if (PARENTHESISED.test(numberPart)) {
    const inner = parseText(numberPart.replace(/^[-−–+] ?/, "").replace(/[()]/g, ""), unit, convention);
    return inner.ok ? open(-inner.ore, inner.ore, unit) : fail("ambiguous");
  }
  // Text never uses the dot as decimal separator, yet "1.200" is 1 200 to some writers and 1,2 to others.
  if (NUMBER_LIKE.test(numberPart) && DOT_BETWEEN_DIGITS.test(numberPart)) {
    const simple = /^(\d{1,3})\.(\d{3})$/.exec(numberPart);
    if (!simple) return fail("ambiguous");
    const [whole, part] = [BigInt(simple[1]), simple[2]];
    const grouped = toOre({ negative: false, digits: whole * 1000n + BigInt(part), exponent: 0 }, unit, false);
    const decimal = toOre({ negative: false, digits: whole * 1000n + BigInt(part), exponent: -3 }, unit, false);
    return open(grouped, decimal, unit);
  }

  const number = NUMBER.exec(numberPart);
  if (!number) return fail("unparseable");
  const [, signChar, integer, fraction = ""] = number;
  // "1,200": a thousands group in English, a decimal comma in Swedish; a column that writes Swedish settles it.
  if (fraction.length === 3 && COMMA_GROUP_INTEGER.test(integer) && convention !== "swedish") {
    const negative = signChar !== undefined && signChar !== "+";
    const digits = BigInt(integer + fraction);
    return open(
      toOre({ negative, digits, exponent: 0 }, unit, false),
      toOre({ negative, digits, exponent: -3 }, unit, false),
      unit,
    );
  }

  const sign = signChar === undefined ? null : signChar === "+" ? "+" : "-";
  const digits = BigInt(integer.replace(/ /g, "") + fraction);
  const ore = toOre({ negative: sign === "-", digits, exponent: -fraction.length }, unit, false);
  return typeof ore === "string" ? fail(ore) : { ok: true, ore, unit, sign };
}

/** Exact öre of a number cell, read through its shortest decimal string so that 1.2 mnkr is exactly 120 000 000. */
function numberToOre(value: number, unit: AmountUnit): number | AmountProblem {
  // Most cells hold whole or simple amounts: when the float product is a whole number of öre well inside the safe
  // range, it is the exact one (the product's error is then below a thousandth of an öre, see toOre).
  const product = value * ORE_PER_UNIT[unit];
  if (Number.isInteger(product) && Math.abs(product) < FAST_ORE_LIMIT) return product === 0 ? 0 : product;
  const match = Number.isFinite(value) ? NUMBER_STRING.exec(String(value)) : null;
  if (!match) return "unparseable";
  const [, minus, integer, fraction = "", exponent = "0"] = match;
  const digits = BigInt(integer + fraction);
  return toOre({ negative: minus === "-", digits, exponent: Number(exponent) - fraction.length }, unit, true);
}

/**
 * Shifts a decimal into öre with integer arithmetic. Text is exact, so any remainder is too precise. A number cell may
 * carry float noise: 0.1 + 0.2 tkr, or =B2-C2 giving 250.10000000009313 tkr, or a long SUM; within a thousandth of an
 * öre, or 1e-13 of the amount, it is noise and rounds. Real sub-öre values (0.0000001 tkr, =A1/3) lie well beyond.
 */
function toOre({ negative, digits, exponent }: Decimal, unit: AmountUnit, roundNoise: boolean): number | AmountProblem {
  const shift = exponent + decimalPlaces(unit);
  let ore: bigint;
  if (shift >= 0) {
    ore = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const rest = digits % divisor;
    const roundUp = rest * 2n >= divisor;
    const distance = roundUp ? divisor - rest : rest;
    const isNoise = 1000n * distance <= divisor || 10n ** 13n * distance <= digits;
    if (rest !== 0n && !(roundNoise && isNoise)) return "too-precise";
    ore = digits / divisor + (roundUp ? 1n : 0n);
  }
  if (ore > MAX_ORE) return "unparseable";
  return Number(negative ? -ore : ore);
}

/** The power of ten in ORE_PER_UNIT: how many decimals of the unit one öre is (kr 2, tkr 5). */
function decimalPlaces(unit: AmountUnit): number {
  return String(ORE_PER_UNIT[unit]).length - 1;
}

function unitKey(spelling: string): string {
  return spelling.toLowerCase().replace(/\./g, "").trim().split(/\s+/).join(" ");
}

function cellText(value: Exclude<CellValue, string | number | null>): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (isErrorValue(value)) return value.error;
  return String(value);
}

/**
 * The unit a column header names: "Belopp (tkr)" → tkr, "Budget (mnkr)" → mnkr, "tkr" → tkr, "Belopp" → null,
 * "Amount (SEK thousands)"/"kSEK" → tkr, "MSEK" → mnkr. A header naming two different units gives null.
 */
export function unitFromHeader(header: string): AmountUnit | null {
  const words = unitKey(header)
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== "");
  const found = new Set<AmountUnit>();
  for (let i = 0; i < words.length; i++) {
    // Two-word spellings first, so that "SEK thousands" is tkr and not kr followed by a stray word.
    const pair = i + 1 < words.length ? UNIT_NAMES.get(`${words[i]} ${words[i + 1]}`) : undefined;
    if (pair) {
      found.add(pair);
      i++;
    } else {
      const single = UNIT_NAMES.get(words[i]);
      if (single) found.add(single);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** How a language writes a number: what groups the thousands, the decimal sign and the minus sign. */
export interface NumberStyle {
  group: string;
  decimal: string;
  minus: string;
}

export const SWEDISH_NUMBERS: NumberStyle = { group: NBSP, decimal: ",", minus: MINUS };

/**
 * Swedish formatting unless `style` says otherwise: thousands grouped with U+00A0, decimal comma, minus as U+2212,
 * unit after a U+00A0: 120000000 öre in tkr → "1 200 tkr". Shows as many decimals as needed to be exact (never
 * rounds: 186150000 öre → "1 861,5 tkr"), none when whole.
 */
export function formatAmount(ore: number, unit: AmountUnit = "tkr", style: NumberStyle = SWEDISH_NUMBERS): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Not a whole number of öre: ${ore}`);
  const places = decimalPlaces(unit);
  const digits = String(Math.abs(ore)).padStart(places + 1, "0");
  const whole = digits.slice(0, -places).replace(/\B(?=(\d{3})+$)/g, style.group);
  const fraction = digits.slice(-places).replace(/0+$/, "");
  return `${ore < 0 ? style.minus : ""}${whole}${fraction ? `${style.decimal}${fraction}` : ""}${NBSP}${unit}`;
}

/**
 * öre → tkr as a JS number (for JSON output and Excel cells): 186150000 → 1861.5. Division is correctly rounded, so
 * the result is the double nearest the exact decimal, the same one Number("1861.5") gives.
 */
export function oreToTkr(ore: number): number {
  return ore / ORE_PER_UNIT.tkr;
}

/** tkr → öre, exact via the number's decimal string; rounds float noise, throws when finer than an öre or unsafe. */
export function tkrToOre(tkr: number): number {
  const ore = numberToOre(tkr, "tkr");
  if (typeof ore === "string") throw new RangeError(`${tkr} tkr is not a whole number of öre (${ore})`);
  return ore;
}
