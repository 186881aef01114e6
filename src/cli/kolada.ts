/**
 * `generate --kolada <file> …`: reads Kolada files as a user saved them from Kolada's open API (nothing is fetched),
 * matches them with the plan's nyckeltal, and prints what was filled in and what is missing, skipped or unreadable.
 */
import * as path from "path";
import { KeyFigure } from "../domain/model";
import { KoladaOutcome, matchKolada } from "../domain/kolada/match";
import { KOLADA_MUNICIPALITY, readKolada } from "../domain/kolada/read";
import { decode } from "../hosts/ledger/readLedger";
import { readInputFile } from "../hosts/xlsx/read";
import { Language } from "../i18n/findings";
import { KOLADA_STRINGS, koladaSummary } from "../i18n/kolada";
import { Output, UsageError, table } from "./common";

export interface KoladaRun {
  outcomes: ReadonlyMap<string, KoladaOutcome>;
  /** The kommun the values were taken from, to keep in the settings; null when none could be. */
  municipality: string | null;
  /** Lines that could not be read, or no kommun to take (the command then ends with exit code 1). */
  hasErrors: boolean;
}

export async function importKoladaFiles(
  files: string[],
  request: { keyFigures: KeyFigure[]; year: number; municipality: string | null },
  lang: Language,
  io: Output,
): Promise<KoladaRun> {
  const { municipality, keyFigures, year } = request;
  if (municipality !== null && !KOLADA_MUNICIPALITY.test(municipality)) {
    throw new UsageError("koladaMunicipality", municipality);
  }
  const read = readKolada(
    await Promise.all(
      files.map(async (file) => ({ name: path.basename(file), text: decode(await readInputFile(file)).text })),
    ),
    municipality,
  );
  const match = matchKolada(keyFigures, read, year);
  const t = KOLADA_STRINGS[lang];
  const { rows, notes } = koladaSummary(read, match, year, lang);
  io.out("");
  io.out(t.heading(files.map((f) => path.basename(f)).join(", "), read.municipality ?? "?"));
  for (const line of table(t.table, rows)) io.out(`  ${line.trimEnd()}`);
  for (const line of notes) io.out(line);
  io.out("");
  // A file that cannot be read in part, or whose kommun is unclear or absent, fills less than was asked for.
  const unclear = read.municipality === null || !read.municipalities.includes(read.municipality);
  return {
    outcomes: match.outcomes,
    municipality: unclear ? null : read.municipality,
    hasErrors: read.problems.length > 0 || unclear,
  };
}
