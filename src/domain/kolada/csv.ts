import { KoladaCollector } from "./collector";
import { KOLADA_GENDERS, KoladaGender } from "./model";

/**
 * A plain CSV of Kolada values: a header row naming the columns `kpi;municipality;year;gender;value` (in that order
 * or another, in English or Swedish: nyckeltal, kommun, år, kön, värde), `;` between fields (a tab or `,` where the
 * header has no `;`), the value with a decimal comma or point. Without a gender column every value is the total (T).
 * Read line by line without splitting the text, and only the wanted kommun's lines are split into fields.
 */

type Field = "kpi" | "municipality" | "year" | "gender" | "value";

const NAMES: Record<string, Field> = {
  kpi: "kpi",
  kpi_id: "kpi",
  nyckeltal: "kpi",
  "kolada-id": "kpi",
  municipality: "municipality",
  municipality_id: "municipality",
  kommun: "municipality",
  kommunkod: "municipality",
  year: "year",
  period: "year",
  år: "year",
  ar: "year",
  gender: "gender",
  kön: "gender",
  kon: "gender",
  value: "value",
  värde: "value",
  varde: "value",
};

const REQUIRED: Field[] = ["kpi", "municipality", "year", "value"];

/** A field without its quotes and surrounding blanks. */
function clean(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

/** A value as Kolada's CSV or a spreadsheet writes it: "64 512", "12,5", "12.5"; empty, "..", "-": no value. */
export function koladaNumber(text: string): number | null | undefined {
  const t = clean(text).replace(/[\s\u00a0\u202f]/g, "");
  if (t === "" || t === ".." || t === "-" || t === "–" || t.toLowerCase() === "null") return null;
  if (t.includes(",") && t.includes(".")) return undefined;
  const n = t.replace(",", ".").replace(/^[−–]/, "-");
  return /^-?\d+(?:\.\d+)?$/.test(n) ? Number(n) : undefined;
}

export function readKoladaCsv(text: string, file: string, into: KoladaCollector): void {
  into.format("csv");
  let pos = 0;
  let line = 0;
  const nextLine = (): string | null => {
    if (pos >= text.length) return null;
    let end = text.indexOf("\n", pos);
    if (end === -1) end = text.length;
    const raw = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    pos = end + 1;
    line++;
    return raw;
  };
  let header = nextLine();
  while (header !== null && !header.trim()) header = nextLine();
  if (header === null) return into.problem(file, 1, "empty", "");
  const delimiter = header.includes(";") ? ";" : header.includes("\t") ? "\t" : ",";
  const columns = header.split(delimiter).map((name) => NAMES[clean(name).toLowerCase()]);
  const at = (field: Field) => columns.indexOf(field);
  if (REQUIRED.some((field) => at(field) < 0)) return into.problem(file, line, "header-missing", header);
  const [kpiAt, municipalityAt, yearAt, genderAt, valueAt] = (
    ["kpi", "municipality", "year", "gender", "value"] as const
  ).map(at);
  const width = Math.max(kpiAt, municipalityAt, yearAt, genderAt, valueAt) + 1;
  for (let raw = nextLine(); raw !== null; raw = nextLine()) {
    if (!raw.trim()) continue;
    const municipality = clean(nthField(raw, delimiter, municipalityAt));
    if (municipality && !into.keeps(municipality)) {
      into.skip(1);
      continue;
    }
    const fields = raw.split(delimiter);
    if (fields.length < width || !municipality) {
      into.problem(file, line, "fields-missing", raw);
      continue;
    }
    const kpi = clean(fields[kpiAt]).toUpperCase();
    const year = Number(clean(fields[yearAt]));
    const gender = genderAt < 0 ? "T" : clean(fields[genderAt]).toUpperCase();
    const value = koladaNumber(fields[valueAt]);
    if (!kpi) into.problem(file, line, "fields-missing", raw);
    else if (!Number.isInteger(year) || year < 1900 || year > 2200) into.problem(file, line, "year-invalid", raw);
    else if (!KOLADA_GENDERS.includes(gender as KoladaGender)) into.problem(file, line, "gender-invalid", raw);
    else if (value === undefined) into.problem(file, line, "value-invalid", raw);
    else into.add(kpi, year, gender as KoladaGender, value);
  }
}

/** The n-th field of a line, found without splitting it. */
function nthField(line: string, delimiter: string, n: number): string {
  let start = 0;
  for (let i = 0; i < n; i++) {
    const next = line.indexOf(delimiter, start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = line.indexOf(delimiter, start);
  return line.slice(start, end === -1 ? line.length : end);
}
