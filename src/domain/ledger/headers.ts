import { Grid, cellText } from "../../sheet/grid";
import { AmountUnit, unitFromHeader } from "../amounts";
import { normalizeName } from "../text";

/**
 * The columns of a ledger export and the headers they go by. Financial systems (Raindance, Unit4/Agresso, Visma and
 * others) name them differently, and every kommun sets up its own report: the words met are data, here, matched
 * after normalizeName and without a unit in parentheses ("Belopp (kr)" is Belopp in kr).
 */
export const LEDGER_FIELDS = ["code", "name", "period", "account", "accountName", "amount"] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export const LEDGER_HEADERS: Record<LedgerField, readonly string[]> = {
  code: [
    "ansvar",
    "ansvarskod",
    "ansv",
    "ansvarsnummer",
    "ansvarsnr",
    "ansvar kod",
    "ansvarsställe",
    "ansvarsenhet",
    "kostnadsställe",
    "resultatenhet",
    "ansvar id",
  ],
  name: [
    "ansvarsnamn",
    "ansvar namn",
    "ansvar text",
    "ansvar (t)",
    "ansvarsbenämning",
    "ansvar benämning",
    "benämning",
    "namn",
  ],
  period: ["period", "månad", "år-mån", "årmån", "år mån", "bokföringsperiod", "redovisningsperiod"],
  account: ["konto", "kontonr", "kontonummer", "kto", "konto kod", "kontokod"],
  accountName: ["kontonamn", "kontobenämning", "konto text", "konto (t)", "konto benämning", "kontotext"],
  amount: [
    "belopp",
    "utfall",
    "summa",
    "netto",
    "nettobelopp",
    "utfall ack",
    "ack utfall",
    "ackumulerat utfall",
    "utfall ackumulerat",
    "utfall hittills",
    "utfall period",
    "bokfört belopp",
  ],
};

const FIELD_BY_HEADER = new Map<string, LedgerField>(
  LEDGER_FIELDS.flatMap((field) => LEDGER_HEADERS[field].map((header) => [header, field] as const)),
);

/** "Belopp (kr)" → "belopp"; "Ansvar (T)" stays itself (the T marks Unit4's text column, not a unit). */
function headerKey(text: string): string {
  const key = normalizeName(text.replace(/[_:]+/g, " "));
  if (FIELD_BY_HEADER.has(key)) return key;
  return key.replace(/\s*\([^)]*\)\s*$/, "").replace(/\s+(kr|tkr|sek)$/, "");
}

export interface LedgerHeader {
  /** Sheet row of the header row. */
  row: number;
  /** Sheet column of each field found; the first column with a field's header takes it. */
  columns: Partial<Record<LedgerField, number>>;
  /** Unit the amount header names, else kr (ledgers book kronor). */
  amountUnit: AmountUnit;
}

/** How far down a header row is looked for: exports put a title, a date and the selection above it. */
const HEADER_SEARCH_ROWS = 30;

/** The header row of a ledger export: the first row naming both a responsibility code and an amount. */
export function findLedgerHeader(grid: Grid): LedgerHeader | null {
  const rows = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const columns: Partial<Record<LedgerField, number>> = {};
    let amountHeader = "";
    grid.values[r].forEach((value, c) => {
      const text = cellText(value);
      const field = text ? FIELD_BY_HEADER.get(headerKey(text)) : undefined;
      if (!field || columns[field] !== undefined) return;
      columns[field] = grid.left + c;
      if (field === "amount") amountHeader = text;
    });
    if (columns.code !== undefined && columns.amount !== undefined) {
      return { row: grid.top + r, columns, amountUnit: unitFromHeader(amountHeader) ?? "kr" };
    }
  }
  return null;
}

/** What a sheet without a header row lacks, for the one line that says why the file cannot be used. */
export function missingLedgerFields(grids: Grid[]): LedgerField[] {
  const seen = new Set<LedgerField>();
  for (const grid of grids) {
    for (const values of grid.values.slice(0, HEADER_SEARCH_ROWS)) {
      for (const value of values) {
        const field = FIELD_BY_HEADER.get(headerKey(cellText(value)));
        if (field) seen.add(field);
      }
    }
  }
  return (["code", "amount"] as const).filter((field) => !seen.has(field));
}
