import { CellRef } from "../../sheet/grid";
import { PERMANENT_WORDS, TEMPORARY_WORDS } from "../adjustmentLine";
import { CellRow } from "../raw";
import { DECISION_DECREASE, DECISION_INCREASE, PROSE_DECREASE, PROSE_INCREASE } from "../vocabulary";

/**
 * A ramjustering written in running prose, as a pasted budget document or tjänsteskrivelse has it:
 *
 *   "Socialnämndens ram utökas med 2,5 mnkr 2025."                → Socialnämnden, 2025, +2 500 tkr
 *   "Tekniska nämnden tillförs tillfälligt 250 tkr under 2024."    → Tekniska nämnden, 2024, +250 tkr, tillfällig
 *   "Kultur- och fritidsnämndens ram minskas med 1,2 miljoner kronor." in "Budget 2026 …" → 2026 from the title
 *   "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor" (a decision's att-sats) → up
 *
 * Read only when the sentence says everything a ramjustering needs and nothing twice: one nämnd, one amount, one
 * direction (a verb such as "utökas", "minskas"), and one year, in the sentence or else the document's title. A
 * sentence that names a nämnd and an amount but leaves the rest open is not read, and says which part was open.
 */

/** Why an amount for a nämnd in prose was not read. */
export type ProseGap = "year" | "committee" | "direction" | "several";

/** "2,5 mnkr", "3,1 miljoner kronor", "250 tkr", "1 200 tkr": an amount with its unit. */
const AMOUNT =
  /(?<![\d,])(\d{1,3}(?:[ \u00A0]\d{3})*(?:,\d+)?)\s*(tkr|mnkr|mkr|miljoner\s+kronor|miljoner\s+kr|miljoner|tusen\s+kronor)(?!\p{L})/giu;
/** A nämnd or styrelse in any form: "Socialnämndens", "barn- och utbildningsnämnden", "kommunstyrelsen". */
const COMMITTEE =
  /(?<!\p{L})((?:\p{L}+(?:iska|ala|ella)\s+)?(?:\p{L}+-\s(?:och|samt)\s)?\p{L}*(?:nämnd|styrelse)(?:en|ens|s|n|ns)?)(?!\p{L})/giu;
/** "nämnden", "styrelsen" alone: which one the sentence does not say. */
const BARE_COMMITTEE = /^(?:nämnd|styrelse)(?:en|ens|s|n|ns)?$/iu;
const YEAR = /(?<!\d)(20\d\d)(?!\d)/gu;
/** A decision's att-sats (or "to …") and the verb it opens with: "att öka …", "att minska …". */
const DECISION_VERB = /^(?:att|to)\s+(\p{L}+)/iu;

export type ProseReading = { row: CellRow } | { gap: ProseGap } | null;

/** Genitive and other forms to the nämnd's name: "Socialnämndens" → "Socialnämnden", "styrelsens" → "styrelsen". */
function committeeName(word: string): string {
  return word.replace(/(nämnd|styrelse)(ens|ns)$/iu, "$1en").replace(/(nämnd)s$/iu, "$1");
}

/** The values that differ other than in case, each as first written. */
function distinct(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

function hasWord(sentence: string, stems: readonly string[]): boolean {
  return sentence
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((word) => stems.some((stem) => word.startsWith(stem)));
}

/**
 * The ramjustering a sentence gives; a gap when it names a nämnd and an amount but leaves something open; null when
 * it gives no amount for a nämnd at all. `titleYear` is the year the document's title names, if one.
 */
export function readProseAdjustment(sentence: string, ref: CellRef, titleYear: number | null): ProseReading {
  const amounts = [...sentence.matchAll(AMOUNT)];
  const committees = distinct([...sentence.matchAll(COMMITTEE)].map((m) => committeeName(m[1])));
  if (amounts.length === 0 || committees.length === 0) return null;
  if (amounts.length > 1 || committees.length > 1) return { gap: "several" };
  if (BARE_COMMITTEE.test(committees[0])) return { gap: "committee" };
  // A decision's verb counts in the infinitive only as it opens the att-sats: "att öka" decides, "ökade" reports.
  const verb = DECISION_VERB.exec(sentence)?.[1].toLowerCase() ?? "";
  const up = hasWord(sentence, PROSE_INCREASE) || DECISION_INCREASE.includes(verb);
  const down = hasWord(sentence, PROSE_DECREASE) || DECISION_DECREASE.includes(verb);
  if (up === down) return { gap: "direction" };
  const years = distinct([...sentence.matchAll(YEAR)].map((m) => m[1]));
  if (years.length > 1) return { gap: "several" };
  const year = years.length === 1 ? Number(years[0]) : titleYear;
  if (year === null) return { gap: "year" };
  const [, figure, unit] = amounts[0];
  const permanent = hasWord(sentence, PERMANENT_WORDS);
  const temporary = hasWord(sentence, TEMPORARY_WORDS);
  const row: CellRow = {
    kind: "adjustment",
    ref,
    fields: {
      committee: { value: committees[0].charAt(0).toUpperCase() + committees[0].slice(1), ref },
      amount: { value: `${figure} ${unit.replace(/\s+/g, " ")}`, ref },
      year: { value: year, ref },
      direction: { value: up ? "Ramökning" : "Ramminskning", ref },
    },
  };
  if (permanent !== temporary) row.fields.duration = { value: permanent ? "Varaktig" : "Tillfällig", ref };
  return { row };
}
