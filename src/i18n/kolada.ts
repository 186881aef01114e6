/** What reading Kolada files says, in Swedish and English: the lines the CLI prints and the pane lists. */
import type { KoladaMatch } from "../domain/kolada/match";
import type { KoladaProblem, KoladaProblemKind, KoladaRead } from "../domain/kolada/model";
import type { Language } from "./findings";
import { formatNumber } from "./numberFormats";

type Named = { koladaId: string; names: string[] };

const sv = {
  heading: (files: string, municipality: string) => `Nyckeltal ur Kolada: ${files}, kommun ${municipality}`,
  table: ["Nyckeltal", "Kolada-ID", "År", "Utfall"],
  noneFilled: "Inget nyckeltal i planen fick något värde ur filen.",
  noMunicipality: (ids: string) =>
    `Filen har värden för flera kommuner (${ids}), så det är oklart vilken som är er: ange kommunens Kolada-ID ` +
    `(t.ex. --kolada-kommun 2380). Inga nyckeltal fylldes i.`,
  municipalityMissing: (wanted: string, ids: string) =>
    `Kommunen ${wanted} finns inte i filen${ids ? ` (den har ${ids})` : ""}. Inga nyckeltal fylldes i.`,
  notInFile: (item: string) => `Finns inte i filen: ${item}`,
  noValue: (item: string, years: string) => `Saknar värde i filen för ${years}: ${item}`,
  onlyLater: (item: string, years: string, year: number) => `Har bara värden efter ${year} (${years}): ${item}`,
  latestMissing: (item: string, missing: string, used: number) =>
    `${item}: ${missing} saknar värde ännu, ${used} används`,
  others: (count: string) => `Andra kommuners värden som hoppades över: ${count}`,
  paged: (file: string, entries: string, total: string | null, next: string | null) =>
    `${file} är en sida av flera${total ? ` (${entries} av ${total} poster)` : ""}${next ? `; nästa sida: ${next}` : ""}. ` +
    `Spara varje sida och ge alla filerna, annars saknas värden.`,
  problem: (file: string, line: number, what: string, text: string) => `${file} rad ${line}: ${what}: ${text}`,
  problems: {
    "json-broken": "filen är inte giltig JSON härifrån; resten lästes inte",
    "entry-invalid": "posten saknar kpi eller municipality och lästes inte",
    "year-invalid": "året går inte att läsa",
    "gender-invalid": "kön ska vara T, K eller M",
    "value-invalid": "värdet är inget tal",
    "fields-missing": "raden har för få fält",
    "header-missing": "rubrikraden ska namnge kpi;municipality;year;gender;value",
    empty: "filen har inga värden",
  } satisfies Record<KoladaProblemKind, string>,
  moreProblems: (count: number) => `… och ${count} fel till i filen.`,
  gender: "Värdena är totalen (T): planen kan inte ange kön för ett nyckeltal.",
};

export type KoladaStrings = typeof sv;

const en: KoladaStrings = {
  heading: (files, municipality) => `Key figures from Kolada: ${files}, municipality ${municipality}`,
  table: ["Key figure", "Kolada ID", "Year", "Outcome"],
  noneFilled: "No key figure in the plan got a value from the file.",
  noMunicipality: (ids) =>
    `The file has values for several municipalities (${ids}), so it is unclear which is yours: give the ` +
    `municipality's Kolada ID (e.g. --kolada-kommun 2380). No key figures were filled in.`,
  municipalityMissing: (wanted, ids) =>
    `The municipality ${wanted} is not in the file${ids ? ` (it has ${ids})` : ""}. No key figures were filled in.`,
  notInFile: (item) => `Not in the file: ${item}`,
  noValue: (item, years) => `No value in the file for ${years}: ${item}`,
  onlyLater: (item, years, year) => `Only has values after ${year} (${years}): ${item}`,
  latestMissing: (item, missing, used) => `${item}: ${missing} has no value yet, ${used} is used`,
  others: (count) => `Values of other municipalities skipped: ${count}`,
  paged: (file, entries, total, next) =>
    `${file} is one page of several${total ? ` (${entries} of ${total} entries)` : ""}${next ? `; next page: ${next}` : ""}. ` +
    `Save every page and give all the files, or values are missing.`,
  problem: (file, line, what, text) => `${file} line ${line}: ${what}: ${text}`,
  problems: {
    "json-broken": "the file is not valid JSON from here; the rest was not read",
    "entry-invalid": "the entry has no kpi or municipality and was not read",
    "year-invalid": "the year cannot be read",
    "gender-invalid": "the gender must be T, K or M",
    "value-invalid": "the value is not a number",
    "fields-missing": "the line has too few fields",
    "header-missing": "the header row must name kpi;municipality;year;gender;value",
    empty: "the file has no values",
  },
  moreProblems: (count) => `… and ${count} more errors in the file.`,
  gender: "The values are the total (T): the plan cannot give a gender for a key figure.",
};

export const KOLADA_STRINGS: Record<Language, KoladaStrings> = { sv, en };

/** Problems beyond this many are counted, not listed: a file in the wrong format would list every line. */
const LISTED_PROBLEMS = 50;

export function koladaProblemLine(p: KoladaProblem, language: Language): string {
  const t = KOLADA_STRINGS[language];
  return t.problem(p.file, p.line, t.problems[p.kind], p.text);
}

/**
 * What was read and matched, as lines: per nyckeltal the figure and its year (`rows`, for a table), and what is
 * missing, skipped or could not be read.
 */
export function koladaSummary(
  read: KoladaRead,
  match: KoladaMatch,
  year: number,
  language: Language,
): { rows: string[][]; notes: string[] } {
  const t = KOLADA_STRINGS[language];
  const item = ({ koladaId, names }: Named) => `${koladaId} ${names.join(", ")}`;
  const years = (list: number[]) => list.join(", ");
  const notes: string[] = [];
  const problems = read.problems.map((p) => koladaProblemLine(p, language));
  notes.push(...problems.slice(0, LISTED_PROBLEMS));
  if (problems.length > LISTED_PROBLEMS) notes.push(t.moreProblems(problems.length - LISTED_PROBLEMS));
  for (const p of read.paged) {
    const total = p.total === null ? null : formatNumber(p.total, language);
    notes.push(t.paged(p.file, formatNumber(p.entries, language), total, p.next));
  }
  const elsewhere = read.municipalities.filter((m) => m !== read.municipality);
  if (read.municipality === null) notes.push(t.noMunicipality(read.municipalities.join(", ")));
  else if (!read.municipalities.includes(read.municipality)) {
    notes.push(t.municipalityMissing(read.municipality, elsewhere.slice(0, 10).join(", ")));
  }
  const rows: string[][] = [];
  for (const outcome of match.outcomes.values()) {
    const names = match.names.get(outcome.koladaId) ?? [];
    rows.push([names.join(", "), outcome.koladaId, String(outcome.year), formatNumber(outcome.value, language)]);
    if (outcome.missingYears.length) {
      notes.push(t.latestMissing(outcome.koladaId, years(outcome.missingYears), outcome.year));
    }
  }
  if (rows.length === 0 && read.municipality !== null) notes.push(t.noneFilled);
  for (const k of match.notInFile) notes.push(t.notInFile(item(k)));
  for (const k of match.noValue) notes.push(t.noValue(item(k), years(k.years)));
  for (const k of match.onlyLater) notes.push(t.onlyLater(item(k), years(k.years), year));
  if (read.otherValues) notes.push(t.others(formatNumber(read.otherValues, language)));
  if (rows.length) notes.push(t.gender);
  return { rows, notes };
}
