/** What the import of a ledger export (utfall) says, in Swedish and English: the summary the CLI prints. */
import type { LedgerField } from "../domain/ledger/headers";
import { NumberStyle, SWEDISH_NUMBERS, formatAmount } from "../domain/amounts";
import type { Language } from "./findings";

const ENGLISH_NUMBERS: NumberStyle = { group: ",", decimal: ".", minus: "-" };

const sv = {
  fields: {
    code: "Ansvar",
    name: "Ansvarsnamn",
    period: "Period",
    account: "Konto",
    accountName: "Kontonamn",
    amount: "Belopp",
  } satisfies Record<LedgerField, string>,
  encodings: {
    "utf-8": "UTF-8",
    "utf-16le": "UTF-16",
    "utf-16be": "UTF-16",
    "windows-1252": "Windows-1252",
    xlsx: "Excel",
  } as Record<string, string>,
  heading: (file: string, encoding: string, columns: string, row: number) =>
    `Utfall ur ${file} (${encoding}, rubrikrad ${row}: ${columns})`,
  periods: (first: string, last: string) => (first === last ? `Period ${first}` : `Perioder ${first} – ${last}`),
  table: ["Nämnd", "Rader", "Utfall (kr)", ""],
  incomplete: (rows: number) => `ofullständigt: ${rows} belopp går inte att läsa, inget utfall skrivs`,
  noRows: "inga rader, inget utfall skrivs",
  noRules:
    "Inga ansvar är kopplade till nämnder: lägg tabellen Ansvar | Nämnd på bladet Inställningar (se README, Utfall).",
  unmapped: (count: number) =>
    `${count} ansvar hör inte till någon nämnd (lägg dem i tabellen Ansvar | Nämnd på bladet Inställningar):`,
  unmappedTable: ["Ansvar", "Rader", "Belopp (kr)"],
  withoutCode: "(inget ansvar)",
  excluded: "Konton som inte räknas:",
  excludedTable: ["Konto", "Rader", "Belopp (kr)"],
  total: (rows: string, amount: string) => `Hela filen: ${rows} rader, ${amount}`,
  parts: (mapped: string, unmapped: string, excluded: string) =>
    `  = nämnderna ${mapped} + utan nämnd ${unmapped} + konton som inte räknas ${excluded}`,
  unread: (rows: number) =>
    `  och ${rows} rader vars belopp inte går att läsa (se fynden ovan); de ingår inte i summorna`,
  totalLine: (cell: string, code: string | null, amount: string, agrees: boolean) =>
    `${code ? `Delsumman för ${code}` : "Summaraden"} ${cell} säger ${amount}: ${agrees ? "stämmer med raderna" : "stämmer INTE med raderna"}.`,
  moreFindings: (count: number) => `… och ${count} fynd till i utfallsfilen.`,
};

export type LedgerStrings = typeof sv;

const en: LedgerStrings = {
  fields: {
    code: "Responsibility",
    name: "Responsibility name",
    period: "Period",
    account: "Account",
    accountName: "Account name",
    amount: "Amount",
  },
  encodings: sv.encodings,
  heading: (file, encoding, columns, row) => `Outcome from ${file} (${encoding}, header row ${row}: ${columns})`,
  periods: (first, last) => (first === last ? `Period ${first}` : `Periods ${first} – ${last}`),
  table: ["Committee", "Rows", "Outcome (kr)", ""],
  incomplete: (rows) => `incomplete: ${rows} amounts cannot be read, no outcome is written`,
  noRows: "no rows, no outcome is written",
  noRules:
    "No responsibility codes are mapped to committees: add the table Ansvar | Nämnd on the sheet Inställningar (see README, Utfall).",
  unmapped: (count) =>
    `${count} responsibility codes belong to no committee (add them to the table Ansvar | Nämnd on the sheet Inställningar):`,
  unmappedTable: ["Code", "Rows", "Amount (kr)"],
  withoutCode: "(no code)",
  excluded: "Accounts left out:",
  excludedTable: ["Account", "Rows", "Amount (kr)"],
  total: (rows, amount) => `Whole file: ${rows} rows, ${amount}`,
  parts: (mapped, unmapped, excluded) =>
    `  = committees ${mapped} + without committee ${unmapped} + accounts left out ${excluded}`,
  unread: (rows) => `  and ${rows} rows whose amount cannot be read (see the findings above); they are not in the sums`,
  totalLine: (cell, code, amount, agrees) =>
    `${code ? `The subtotal for ${code}` : "The total line"} ${cell} says ${amount}: ${agrees ? "agrees with the rows" : "does NOT agree with the rows"}.`,
  moreFindings: (count) => `… and ${count} more findings in the ledger file.`,
};

export const LEDGER_STRINGS: Record<Language, LedgerStrings> = { sv, en };

/** Kronor as each language writes them: "−1 234,5 kr", "-1,234.5 kr". */
export function kronor(ore: number, language: Language): string {
  return formatAmount(ore, "kr", language === "sv" ? SWEDISH_NUMBERS : ENGLISH_NUMBERS);
}
