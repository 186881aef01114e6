/**
 * One ramjustering written as a line of free text, as budget documents print them under an uppdrag:
 *
 *   "Ramökning 2024 KS: 250 tkr"
 *   "Varaktig ramjustering SAN: 1 200 tkr"
 *   "Tillfällig ramförstärkning 2025 BUN: 3,5 mnkr"
 *   "Besparing SBN 2025 – 500 tkr"
 *
 * Grammar: [duration word] ram word [year] [committees] [year] [":" | dash] amount.
 * Everything is returned as written; the resolver decides direction, duration and the amount's value, so that a
 * finding can quote the text the user sees.
 */
import type { Duration } from "./model";
import { ALL_COMMITTEES, CONJUNCTIONS } from "./vocabulary";

export interface AdjustmentLine {
  /** The ram word as written: "Ramökning", "ramjustering", "Effektiviseringskrav". */
  directionWord: string;
  /** "Varaktig", "Tillfällig", "Engångsanslag" as written, or null when the line names no duration. */
  durationWord: string | null;
  year: number | null;
  /** "KS", "TN, VoN", "Kommunstyrelsen" as written; "" when the line names none. */
  committees: string;
  /** "250 tkr", "1 200 tkr", "−800 tkr", "3,5 mnkr" as written (not parsed here). */
  amountText: string;
}

/** Lowercase stems of words that raise a ram. Matched against the start of each word. */
export const INCREASE_WORDS: readonly string[] = [
  "ramökning",
  "ramutökning",
  "ramförstärkning",
  "ramtillskott",
  "tilläggsanslag",
  "engångsanslag",
  "anslag",
  "resursförstärkning",
  "förstärkning",
  "tillskott",
  "utökning",
  "ökning",
];

/** Lowercase stems of words that lower a ram. */
export const DECREASE_WORDS: readonly string[] = [
  "ramminskning",
  "ramsänkning",
  "ramreducering",
  "minskning",
  "sänkning",
  "reducering",
  "neddragning",
  "effektiviseringskrav",
  "effektivisering",
  "besparingskrav",
  "besparing",
  "sparkrav",
  "sparbeting",
];

/** Ram words without a direction of their own: the amount's sign decides. */
export const NEUTRAL_WORDS: readonly string[] = [
  "ramjustering",
  "ramförändring",
  "ramväxling",
  "ramanpassning",
  "justering",
];

/** Lowercase stems meaning the change enters the base and carries into the plan years. */
export const PERMANENT_WORDS: readonly string[] = ["varaktig", "permanent"];

/** Lowercase stems meaning the change holds for its year only. */
export const TEMPORARY_WORDS: readonly string[] = ["tillfällig", "engångs", "temporär"];

/** Lowercase letter runs of a text: "Tillfällig ram-ökning" → ["tillfällig", "ram", "ökning"]. */
function wordsOf(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== "");
}

function hasStem(text: string, stems: readonly string[]): boolean {
  return wordsOf(text).some((word) => stems.some((stem) => word.startsWith(stem)));
}

/**
 * Direction a word or short phrase names: "Ramökning" → increase, "Effektiviseringskrav" → decrease,
 * "Ramjustering" → null (the sign decides). A phrase naming both directions gives null too.
 */
export function directionOfWord(word: string): "increase" | "decrease" | null {
  return remembered(directions, word, directionOf);
}

/** A Typ column repeats a handful of words thousands of times: each is read once. */
function remembered<T>(cache: Map<string, T>, word: string, read: (word: string) => T): T {
  if (!cache.has(word)) {
    if (cache.size >= 10_000) cache.clear(); // bounded: free text may hold any number of words
    cache.set(word, read(word));
  }
  return cache.get(word) as T;
}
const directions = new Map<string, "increase" | "decrease" | null>();
const durations = new Map<string, Duration | null>();

function directionOf(word: string): "increase" | "decrease" | null {
  const up = hasStem(word, INCREASE_WORDS);
  const down = hasStem(word, DECREASE_WORDS);
  if (up === down) return null;
  return up ? "increase" : "decrease";
}

/** Duration a word or short phrase names: "Varaktig" → permanent, "Engångsanslag" → temporary, else null. */
export function durationOfWord(word: string): Duration | null {
  return remembered(durations, word, durationOf);
}

function durationOf(word: string): Duration | null {
  const permanent = hasStem(word, PERMANENT_WORDS);
  const temporary = hasStem(word, TEMPORARY_WORDS);
  if (permanent === temporary) return null;
  return permanent ? "permanent" : "temporary";
}

/** True for any ram word, with or without a direction ("Ramökning", "ramjustering", "Besparing"). */
export function isRamWord(word: string): boolean {
  return directionOfWord(word) !== null || hasStem(word, NEUTRAL_WORDS);
}

/** A committee abbreviation: "KS", "VoN", "BUN", "ÖFN" (2–6 letters, starting and ending upper case). */
export const COMMITTEE_CODE = /^\p{Lu}\p{L}{0,4}\p{Lu}$/u;

/**
 * A committee's full name: "Kommunstyrelsen", "Tekniska nämnden", "Östersundshem AB", "Kommunledningskontoret",
 * "Överförmyndarnämnden i Västra Gästrikland". The name must *end* in the committee word, so that
 * "Tekniska nämnden ansvarar" is not taken for a name.
 */
const COMMITTEE_NAME =
  /^\p{L}[\p{L}\s-]*?(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet|förvaltning|förvaltningen|kontor|kontoret|bolag|bolaget|\sAB)(?:\s+i\s+\p{L}[\p{L}\s-]*)?$/iu;

/** "Barn-" of "Barn- och utbildningsnämnden", left over when the list is split on "och". */
const NAME_FRAGMENT = /^\p{L}+-$/u;

/**
 * True when the text is nothing but committees: "KS", "TN, VoN, SAN, KS", "KS och TN", "Kommunstyrelsen",
 * "Barn- och utbildningsnämnden; KS", "samtliga nämnder". Separators: "," ";" "&" "/", the conjunctions ("och",
 * "samt") and line breaks.
 */
export function looksLikeCommitteeList(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > 150 || /[\d.!?:()]/.test(trimmed)) return false;
  if (ALL_COMMITTEES.test(trimmed)) return true;
  const parts = trimmed.split(LIST_SEPARATOR).filter((part) => part !== "");
  if (parts.length === 0 || parts.every((part) => NAME_FRAGMENT.test(part))) return false;
  return parts.every(
    (part) =>
      COMMITTEE_CODE.test(part) || COMMITTEE_NAME.test(part) || NAME_FRAGMENT.test(part) || ALL_COMMITTEES.test(part),
  );
}

const LIST_SEPARATOR = new RegExp(String.raw`\s*[,;&/\n]\s*|\s+(?:${CONJUNCTIONS})\s+`, "u");

/**
 * A number as printed: "1 200" (any space kind, JS `\s` covers U+00A0, U+2009 and U+202F), "1.200", "3,5", "250".
 * Digit groups must be exactly three long, so "2024 250" is a year and an amount, not one number.
 */
const NUMBER = String.raw`\d{1,3}(?:[\s.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const UNIT = String.raw`tkr|mnkr|mn\s?kr|mkr|mdkr|msek|tsek|sek|miljoner\s+kronor|miljarder\s+kronor|tusen\s+kronor|kronor|kr`;

/**
 * The amount at the end of the line, with its sign and accounting parentheses: "−800 tkr", "(-1 861,5 tkr)".
 * It may not start inside a word or a number; a dash glued to the digits is a sign, a dash followed by a
 * space is a separator ("KS – 800 tkr").
 */
const AMOUNT_AT_END = new RegExp(
  String.raw`(?<![\p{L}\d.,])(\(?[+\-−–]?\(?(?:${NUMBER})(?:\s*(${UNIT}))?\)?)\s*\.?$`,
  "iu",
);

const SEPARATOR_AT_END = /\s*(?::|[-–—])\s*$/u;
const LEADING_BULLET = /^(?:[•·▪◦*]|[-–—](?=\s))\s*/u;
const YEAR_AT_START = /^(?:år\s+)?((?:19|20)\d{2})(?![\d])[\s,]*/iu;
const YEAR_AT_END = /[\s,]*(?:år\s+)?((?:19|20)\d{2})$/iu;
const LEADING_PREPOSITION = /^(?:för|till|inom|avseende)\s+/iu;

/** Splits off the first whitespace-delimited word, without trailing "," or ":". */
function firstWord(text: string): { word: string; rest: string } | null {
  const m = /^(\S+?)[,:]?(?:\s+|$)/u.exec(text);
  return m ? { word: m[1], rest: text.slice(m[0].length) } : null;
}

/**
 * Reads one line as a ramjustering, or returns null when it is not one. Only a line that starts with a ram word
 * (optionally after a duration word) and ends with an amount qualifies, and everything between must be a year
 * and/or committees; ordinary prose therefore gives null. A line without a unit needs a ":" or dash before the
 * amount. Words are matched without regard to case; committee codes must look like codes ("KS", "VoN").
 */
export function parseAdjustmentLine(text: string): AdjustmentLine | null {
  const line = text.normalize("NFC").trim().replace(LEADING_BULLET, "");
  if (line === "" || /[\r\n]/.test(line)) return null;

  const amount = AMOUNT_AT_END.exec(line);
  if (!amount) return null;
  const amountText = amount[1].trim();
  let prefix = line.slice(0, amount.index);
  const separator = SEPARATOR_AT_END.exec(prefix);
  if (separator) prefix = prefix.slice(0, separator.index);
  else if (amount[2] === undefined) return null; // "Ramökning 2024 KS 250": too bare to trust
  prefix = prefix.trim();

  // Duration word, then ram word; or one word that is both ("Engångsanslag").
  let durationWord: string | null = null;
  let head = firstWord(prefix);
  if (!head) return null;
  if (!isRamWord(head.word) && durationOfWord(head.word) !== null) {
    durationWord = head.word;
    head = firstWord(head.rest);
    if (!head) return null;
  }
  if (!isRamWord(head.word)) return null;
  const directionWord = head.word;
  if (durationWord === null && durationOfWord(directionWord) !== null) durationWord = directionWord;
  let rest = head.rest.trim();

  // "Ramökning varaktig 2024 KS" puts the duration after the ram word.
  const after = firstWord(rest);
  if (durationWord === null && after && !isRamWord(after.word) && durationOfWord(after.word) !== null) {
    durationWord = after.word;
    rest = after.rest.trim();
  }

  rest = rest.replace(LEADING_PREPOSITION, "");
  let year: number | null = null;
  const yearFirst = YEAR_AT_START.exec(rest);
  if (yearFirst) {
    year = Number(yearFirst[1]);
    rest = rest.slice(yearFirst[0].length);
  } else {
    const yearLast = YEAR_AT_END.exec(rest);
    if (yearLast) {
      year = Number(yearLast[1]);
      rest = rest.slice(0, yearLast.index);
    }
  }
  const committees = rest
    .replace(LEADING_PREPOSITION, "")
    .replace(/[\s,]+$/u, "")
    .trim();
  if (committees !== "" && !looksLikeCommitteeList(committees)) return null;

  return { directionWord, durationWord, year, committees, amountText };
}
