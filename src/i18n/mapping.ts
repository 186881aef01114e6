/** What is wrong in a mapping (--mapping m.json), in Swedish and English. */
import { MAPPING_UNITS, type MappingProblem, SHEET_KINDS } from "../domain/mapping";
import type { Language } from "./findings";

const KINDS = SHEET_KINDS.join(", ");
const UNITS = MAPPING_UNITS.join(", ");

type MappingStrings = { [C in MappingProblem["code"]]: (problem: Extract<MappingProblem, { code: C }>) => string };

const sv: MappingStrings = {
  notObject: () => "Kopplingen ska vara ett JSON-objekt.",
  unknownKey: ({ key }) => `Okänd nyckel "${key}" (tillåtna: sheets, years, previousRamHoldsTemporary).`,
  years: () => `"years" ska vara en lista med årtal, t.ex. [2025, 2026, 2027].`,
  previousRamHoldsTemporary: () =>
    `"previousRamHoldsTemporary" ska vara true (ram föregående år innehåller förra årets tillfälliga ramjusteringar) eller false.`,
  sheetsNotObject: () => `"sheets" ska vara ett objekt med bladnamn som nycklar.`,
  sheetNotObject: ({ sheet }) => `Bladet "${sheet}": ska vara ett objekt med minst "kind".`,
  sheetUnknownKey: ({ sheet, key }) => `Bladet "${sheet}": okänd nyckel "${key}".`,
  kind: ({ sheet }) => `Bladet "${sheet}": "kind" ska vara en av ${KINDS}.`,
  headerRow: ({ sheet }) => `Bladet "${sheet}": "headerRow" ska vara ett radnummer (1 eller större).`,
  level: ({ sheet }) => `Bladet "${sheet}": "level" ska vara text.`,
  amountUnit: ({ sheet }) => `Bladet "${sheet}": "amountUnit" ska vara en av ${UNITS}.`,
  columnsNotObject: ({ sheet }) => `Bladet "${sheet}": "columns" ska vara ett objekt, t.ex. {"A": "id"}.`,
  columnLetter: ({ sheet, column }) => `Bladet "${sheet}": "${column}" är ingen kolumnbokstav.`,
  unknownField: ({ sheet, column, field }) => `Bladet "${sheet}": kolumn ${column}: okänt fält "${field}".`,
};

const en: MappingStrings = {
  notObject: () => "The mapping must be a JSON object.",
  unknownKey: ({ key }) => `Unknown key "${key}" (allowed: sheets, years, previousRamHoldsTemporary).`,
  years: () => `"years" must be a list of years, e.g. [2025, 2026, 2027].`,
  previousRamHoldsTemporary: () =>
    `"previousRamHoldsTemporary" must be true (the previous year's frame holds last year's temporary changes) or false.`,
  sheetsNotObject: () => `"sheets" must be an object with sheet names as keys.`,
  sheetNotObject: ({ sheet }) => `Sheet "${sheet}": must be an object with at least "kind".`,
  sheetUnknownKey: ({ sheet, key }) => `Sheet "${sheet}": unknown key "${key}".`,
  kind: ({ sheet }) => `Sheet "${sheet}": "kind" must be one of ${KINDS}.`,
  headerRow: ({ sheet }) => `Sheet "${sheet}": "headerRow" must be a row number (1 or more).`,
  level: ({ sheet }) => `Sheet "${sheet}": "level" must be text.`,
  amountUnit: ({ sheet }) => `Sheet "${sheet}": "amountUnit" must be one of ${UNITS}.`,
  columnsNotObject: ({ sheet }) => `Sheet "${sheet}": "columns" must be an object, e.g. {"A": "id"}.`,
  columnLetter: ({ sheet, column }) => `Sheet "${sheet}": "${column}" is not a column letter.`,
  unknownField: ({ sheet, column, field }) => `Sheet "${sheet}": column ${column}: unknown field "${field}".`,
};

export const MAPPING_STRINGS: Record<Language, MappingStrings> = { sv, en };

export function mappingProblemMessage(problem: MappingProblem, language: Language): string {
  const say = MAPPING_STRINGS[language][problem.code] as (problem: MappingProblem) => string;
  return say(problem);
}
