import { CellRef, Grid, cellName, cellText, isFilled, refName } from "../sheet/grid";
import { isTotals } from "./layouts/tableRows";
import type { RawBudget, RawCell, RawInvestment } from "./raw";

/**
 * What the reader did not take from a sheet it read, and why: every filled cell of such a sheet is either part of the
 * plan or listed here, so nothing a user wrote is dropped in silence (the CLI's "Ej läst", `--json`'s `unread`, the
 * pane's Koppla step).
 */
export type UnreadReason =
  /** Text above a table's header row (a title, a note about the table). */
  | "title"
  /** The second row of a header written over two rows: the years under a header cell merged across them. */
  | "header"
  /** A totals row: "Summa", "Totalt", "varav …". */
  | "total"
  /** A ram level in a block of changes ("Ram föregående år", "Ram 2025"): a budget figure, not a change. */
  | "budgetFigure"
  /** A note under a table ("Källa: …", "* …"). */
  | "note"
  /** A column whose header names no field of the sheet's kind (or that the mapping says not to read). */
  | "column"
  /** Descriptive text of a pasted document (a goal's description). */
  | "prose"
  /** A part of a pasted document the reader does not take (its nyckeltal tables). */
  | "section"
  /** Page furniture a pasted PDF brings along: headers and footers repeated on every page, page numbers. */
  | "pageHeader"
  /** A row of a kind the plan does not hold, in an export that says what each row is ("Målbeskrivning"). */
  | "otherKind"
  /** An amount for a nämnd in running prose that leaves its year, its direction or which nämnd open. */
  | "amountOpen"
  /** A row or line the reader could not place. */
  | "notUnderstood"
  /** A whole sheet that was not read. */
  | "sheet";

export interface UnreadCell {
  sheet: string;
  /** The cell, or the range of cells the entry stands for ("D2:D40" for a column, "A12:F12" for a totals row). */
  cell: string;
  /** The text of the entry's first cell (a column's header); at most LONGEST_TEXT characters. */
  text: string;
  reason: UnreadReason;
  /** How many filled cells the entry stands for. */
  cells: number;
}

const LONGEST_TEXT = 200;

/** How the table reader took a sheet: the rows it passed over with why, the columns and title cells it read. */
export interface TableAccount {
  headerRow: number;
  readColumns: Set<number>;
  skippedRows: Map<number, UnreadReason>;
  /** Cells above the header that the table does read (the block title naming the nämnd). */
  readTitles: CellRef[];
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > LONGEST_TEXT ? `${flat.slice(0, LONGEST_TEXT - 1)}…` : flat;
}

function range(top: number, left: number, bottom: number, right: number): string {
  const from = cellName(top, left);
  const to = cellName(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

interface Span {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cells: number;
  text: string;
}

function span(row: number, col: number, text: string): Span {
  return { top: row, bottom: row, left: col, right: col, cells: 1, text: clip(text) };
}

function extend(span: Span, row: number, col: number): void {
  span.bottom = Math.max(span.bottom, row);
  span.left = Math.min(span.left, col);
  span.right = Math.max(span.right, col);
  span.cells++;
}

function entry(sheet: string, s: Span, reason: UnreadReason): UnreadCell {
  return { sheet, cell: range(s.top, s.left, s.bottom, s.right), text: s.text, reason, cells: s.cells };
}

/** The cells of a table sheet the reader did not take: an entry per passed-over row, one per unread column. */
export function tableUnread(grid: Grid, account: TableAccount, planTitle?: CellRef): UnreadCell[] {
  const { headerRow, readColumns, skippedRows } = account;
  const readTitle = new Set(
    [...account.readTitles, ...(planTitle ? [planTitle] : [])].map((ref) => cellName(ref.row, ref.col)),
  );
  const rows: UnreadCell[] = [];
  const columns = new Map<number, Span>();
  // A row the table read is looked at only in the columns it did not read: most rows of a plan are such rows.
  const width = grid.values.reduce((most, values) => Math.max(most, values.length), 0);
  const unreadColumns = Array.from({ length: width }, (_, j) => j).filter((j) => !readColumns.has(grid.left + j));
  grid.values.forEach((values, i) => {
    const row = grid.top + i;
    // Above the header: titles; below it, a row the table passed over keeps its reason.
    const rowReason = row < headerRow ? "title" : row > headerRow ? skippedRows.get(row) : undefined;
    if (!rowReason) {
      for (const j of unreadColumns) {
        // A row ends at its last value (a sheet may be 16 384 columns wide in one row only).
        if (j >= values.length) break;
        if (!isFilled(values[j])) continue;
        const col = grid.left + j;
        const column = columns.get(col);
        if (column) extend(column, row, col);
        else columns.set(col, span(row, col, cellText(values[j])));
      }
      return;
    }
    let whole: Span | undefined;
    for (let j = 0; j < values.length; j++) {
      if (!isFilled(values[j])) continue;
      const col = grid.left + j;
      if (rowReason === "title" && readTitle.has(cellName(row, col))) continue;
      if (whole) extend(whole, row, col);
      else whole = span(row, col, cellText(values[j]));
    }
    if (whole) rows.push(entry(grid.sheet, whole, rowReason));
  });
  return [...rows, ...[...columns.values()].map((column) => entry(grid.sheet, column, "column"))];
}

/** A single cell (or one line of it) that the reader did not take. */
export function unreadCell(ref: CellRef, text: string, reason: UnreadReason): UnreadCell {
  return { sheet: ref.sheet, cell: cellName(ref.row, ref.col), text: clip(text), reason, cells: 1 };
}

/** A paragraph joined from several printed lines (a pasted PDF), as one entry over the cells it spans. */
export function unreadLines(refs: CellRef[], text: string, reason: UnreadReason): UnreadCell {
  const rows = refs.map((ref) => ref.row);
  const cols = refs.map((ref) => ref.col);
  const cells = new Set(refs.map((ref) => cellName(ref.row, ref.col))).size;
  const where = range(Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols));
  return { sheet: refs[0].sheet, cell: where, text: clip(text), reason, cells };
}

/** A sheet not read at all, as one entry over its filled cells; null when it holds nothing. */
export function sheetUnread(grid: Grid): UnreadCell | null {
  let whole: Span | undefined;
  grid.values.forEach((values, i) => {
    values.forEach((value, j) => {
      if (!isFilled(value)) return;
      if (whole) extend(whole, grid.top + i, grid.left + j);
      else whole = span(grid.top + i, grid.left + j, cellText(value));
    });
  });
  return whole ? entry(grid.sheet, whole, "sheet") : null;
}

/**
 * On a sheet read only for its budgets: every filled cell that gave none (a title, a line of no nämnd, a header), so
 * that nothing on it goes unlisted.
 */
export function outsideMoney(grid: Grid, budgets: RawBudget[], investments: RawInvestment[]): UnreadCell[] {
  const used = new Set<string>();
  const use = (cell: RawCell) => used.add(refName(cell.ref));
  for (const budget of budgets) [budget.committee, ...budget.amounts].forEach(use);
  for (const { committee, project, projectNumber, amount } of investments)
    [committee, project, ...(projectNumber ? [projectNumber] : []), amount].forEach(use);
  // The nämnd lines heading their projects (a nämnd cell in the project column, below the title): their amounts are
  // the nämnd's sums.
  const headings = new Set(
    investments.filter((i) => i.committee.ref.col === i.project.ref.col).map((i) => i.committee.ref.row),
  );
  let first = Math.min(...[...budgets.map((b) => b.committee.ref.row), ...investments.map((i) => i.project.ref.row)]);
  while (headings.has(first - 1)) first--;
  // The header: the row (or two, years under a word) right above the first line, heading two read columns or more
  // (the columns naming each line, and an amount's).
  const readCols = new Set(
    [
      ...budgets.map((b) => b.committee),
      ...investments.flatMap((i) => [i.project, i.amount, ...(i.projectNumber ? [i.projectNumber] : [])]),
    ].map((c) => c.ref.col),
  );
  for (const budget of budgets) budget.amounts.forEach((cell) => readCols.add(cell.ref.col));
  const heads = (row: number) =>
    (grid.values[row - grid.top] ?? []).filter((value, j) => isFilled(value) && readCols.has(grid.left + j)).length >=
    2;
  const headerRows = new Set([first - 1, first - 2].filter((row, k) => heads(row) && (k === 0 || heads(first - 1))));
  const unread: UnreadCell[] = [];
  grid.values.forEach((values, i) => {
    const row = grid.top + i;
    // A nämnd's line over its projects, or a "Summa"/"Totalt" line under read lines, adds up lines that were read.
    const totals = row >= first && (headings.has(row) || isTotals(values.find(isFilled)));
    values.forEach((value, j) => {
      const ref = { sheet: grid.sheet, row, col: grid.left + j };
      if (!isFilled(value) || used.has(refName(ref)) || (headerRows.has(ref.row) && readCols.has(ref.col))) return;
      const reason = ref.row < first ? "title" : totals ? "total" : "notUnderstood";
      unread.push(unreadCell(ref, cellText(value), reason));
    });
  });
  return unread;
}
