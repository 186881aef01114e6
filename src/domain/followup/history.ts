import { CellValue, Grid, cellText, isErrorValue, valueAt } from "../../sheet/grid";
import { SheetSpec, SpecCell, fitCells } from "../../sheet/spec";
import { FileFinding, finding } from "../findings";
import { HISTORY_MARKER, HISTORY_SHEET } from "./historyName";
import { PeriodKind, periodKindOfWord, periodKindWord } from "../settings";
import { Answer, parseRowKey } from "./model";

/**
 * Måltavlan's history: every consolidated period's answers, one row per answer, in a very hidden sheet of the report's
 * workbook (the CLI's report file; in Excel the plan workbook, where the report goes too). Each consolidation writes
 * the history it found, every other period's rows untouched, with its own period's rows in place of that period's
 * earlier ones. The plan reader passes over it (its marker), and the Excel host reads it only to consolidate.
 */

export { HISTORY_MARKER, HISTORY_SHEET, isHistorySheetName } from "./historyName";

/** One answer of one period, as the history keeps it: figures in tkr as typed on the sheets. */
export interface HistoryEntry {
  period: string;
  year: number;
  /** Whether the period's figures were a prognos or the year's utfall. */
  kind: PeriodKind;
  committee: string;
  answer: Answer;
  /** An uppdrag that goes on with an earlier year's: the year it was first in a plan (carried.ts). */
  since?: number;
  /** A carried uppdrag's earlier years' lines, as its row showed them then. */
  history?: string;
  /** Where a history sheet had it, its row 0-based (entries read back only). */
  at?: { sheet: string; row: number };
}

/**
 * The columns, 0-based; row 1 holds the marker, row 2 the headers (for whoever unhides the sheet). The texts stand in
 * the first eight, the numbers and short words after: the Excel host reads a sheet's first eight columns apart from
 * the rest and estimates the bytes of the rest by them (src/hosts/excel/windows.ts), which must not come out too low.
 * Every uppdrag and carried row is kept, answered or not, with its `since` and a carried row's earlier years: what
 * the next year's first period carries (carried.ts) is read from here as well as from the sheets.
 */
const COLUMNS = [
  "Period",
  "År",
  "Nämnd",
  "Radnyckel",
  "Rubrik",
  "Svar",
  "Kommentar",
  "Tidigare år",
  "Utfall",
  "Prognos/utfall",
  "Radtyp",
  "Sedan",
];
const H = {
  period: 0,
  year: 1,
  committee: 2,
  key: 3,
  title: 4,
  input: 5,
  comment: 6,
  history: 7,
  outcome: 8,
  kind: 9,
  rowKind: 10,
  since: 11,
};
const FIRST_ROW = 2;
/** The column of the nämnd's code: where a finding about a nämnd of the history points. */
export const HISTORY_COMMITTEE_COL = H.committee;

export function isHistorySheet(grid: Grid): boolean {
  return valueAt(grid, 0, 0) === HISTORY_MARKER;
}

export function historySheet(entries: HistoryEntry[], name = HISTORY_SHEET): SheetSpec {
  const rows: SpecCell[][] = entries.map((entry) => {
    const { answer } = entry;
    const cells: SpecCell["value"][] = [];
    cells[H.period] = entry.period;
    cells[H.year] = entry.year;
    cells[H.committee] = entry.committee;
    cells[H.key] = answer.key;
    cells[H.title] = answer.title;
    cells[H.input] = answer.input;
    cells[H.comment] = answer.comment;
    cells[H.history] = entry.history || null;
    cells[H.outcome] = answer.outcome ?? null;
    cells[H.kind] = periodKindWord(entry.kind);
    cells[H.rowKind] = answer.kind;
    cells[H.since] = entry.since ?? null;
    return fitCells(cells.map((value) => ({ value })));
  });
  return {
    name,
    visibility: "veryHidden",
    blocks: [{ top: 0, left: 0, rows: [[{ value: HISTORY_MARKER }], COLUMNS.map((value) => ({ value })), ...rows] }],
  };
}

export interface HistoryRead {
  entries: HistoryEntry[];
  findings: FileFinding[];
}

/**
 * The entries of a history sheet. A row with a cell that cannot be what Måltavlan wrote there (someone typed in the
 * sheet) is a finding at that cell and is left out; every other row is read. Of two rows for one answer, the later.
 */
export function readHistorySheet(grid: Grid, file: string): HistoryRead {
  const entries = new Map<string, HistoryEntry>();
  const findings: FileFinding[] = [];
  const last = grid.top + grid.values.length;
  for (let row = Math.max(FIRST_ROW, grid.top); row < last; row++) {
    const cell = (col: number) => valueAt(grid, row, col);
    if (COLUMNS.every((_, col) => cellText(cell(col)) === "")) continue;
    const broken = (col: number) => {
      const value = cell(col);
      const params = { column: COLUMNS[col], value: isErrorValue(value) ? value.error : cellText(value) };
      findings.push({
        ...finding("warning", "followup-history-unreadable", { sheet: grid.sheet, row, col }, params),
        file,
      });
    };
    const period = text(cell(H.period));
    const year = cell(H.year);
    const kind = periodKindOfWord(cell(H.kind));
    const committee = text(cell(H.committee));
    const key = text(cell(H.key));
    const parsed = key ? parseRowKey(key) : null;
    const checks: [number, boolean][] = [
      [H.period, !!period],
      [H.year, isYear(year)],
      [H.kind, kind !== null],
      [H.committee, !!committee],
      [H.key, parsed !== null],
      [H.rowKind, parsed !== null && cell(H.rowKind) === parsed.kind],
      [H.title, typeof cell(H.title) === "string"],
      [H.input, isAnswerValue(cell(H.input))],
      [H.outcome, isAnswerValue(cell(H.outcome))],
      [H.comment, isAnswerValue(cell(H.comment))],
      [H.history, cell(H.history) === null || typeof cell(H.history) === "string"],
      [H.since, cell(H.since) === null || isYear(cell(H.since))],
    ];
    const bad = checks.find(([, ok]) => !ok);
    if (bad) {
      broken(bad[0]);
      continue;
    }
    const outcome = cell(H.outcome) as string | number | null;
    const comment = cell(H.comment);
    const answer: Answer = {
      key: key!,
      kind: parsed!.kind,
      title: cell(H.title) as string,
      input: cell(H.input) as string | number | null,
      comment: comment === null ? null : String(comment),
      ...(outcome === null ? {} : { outcome }),
    };
    const since = cell(H.since) as number | null;
    const history = cell(H.history) as string | null;
    const entry: HistoryEntry = {
      period: period!,
      year: year as number,
      kind: kind!,
      committee: committee!,
      answer,
      ...(since === null ? {} : { since }),
      ...(history ? { history } : {}),
      at: { sheet: grid.sheet, row },
    };
    entries.set(entryId(entry), entry);
  }
  return { entries: [...entries.values()], findings };
}

/** One answer's place in the history: its period, year, nämnd and row. */
export function entryId({ period, year, committee, answer }: HistoryEntry): string {
  return JSON.stringify([period, year, committee, answer.key]);
}

function isYear(value: CellValue): boolean {
  return typeof value === "number" && Number.isInteger(value) && value > 1900 && value < 3000;
}

function text(value: CellValue): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** What an answer cell holds as Måltavlan wrote it: text, a number, or nothing. */
function isAnswerValue(value: CellValue): boolean {
  return value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}
