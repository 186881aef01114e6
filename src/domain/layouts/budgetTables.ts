import { CellValue, Grid, cellText, isFilled, shownDecimals, valueAt } from "../../sheet/grid";
import { AmountUnit, unitFromHeader } from "../amounts";
import { BudgetKind } from "../model";
import { RawBudget, RawCell, filledCell } from "../raw";
import { fillMergesDown } from "./merges";
import { isCommitteeName } from "./tableCommittees";
import { isTotals, titlesAbove } from "./tableRows";

/**
 * A driftbudget table: a nämnd's ram per year, a column each ("Nämnd | Budget 2025 | Plan 2026 | Plan 2027",
 * "Nämnd/styrelse | Ram 2025 (mnkr)", "Kommunbidrag" over a row of years), or the tilläggsbudgetar KF decided during
 * the year ("Tilläggsbudget 2024"; in a table titled so, the column of KF's decision, never a proposal's). A nämnd
 * may stand beside its verksamheter (merged down them): its Summa row is its budget, or, without one, their sum.
 * Changes to the ram (ramjusteringar) are never budgets: a table naming a change, or how long one lasts, is none.
 */

/**
 * Words that head a column of ramar ("Kommunbidrag", "Budget 2025", "Budget för 2021"); "Ram", "Budget" and "Plan"
 * only with a year, which says they are levels.
 */
const FRAME_WORD =
  /^(?:(kommunbidrag|nettokostnadsram|nettoram|budgetram|driftbudget|driftsbudget|driftram|driftsram|nettobudget|ramar)|(ram|budget|plan))(?:\s+(?:för\s+)?((?:19|20)\d\d))?$/u;
const SUPPLEMENTARY_WORD = /^tilläggsbudget(?:ar)?(?:\s+((?:19|20)\d\d))?$/u;
/** In a table titled "Tilläggsbudget", the column of what was decided. */
const DECISION_WORD = /^(?:belopp|beslut(?:at)?|beslut kf|kf:?s beslut|kf beslut)(?:\s+((?:19|20)\d\d))?$/u;
const PROPOSAL = /förslag/u;
/** What a tilläggsbudget is for. */
const DESCRIPTION = /^(?:beskrivning|avser|ändamål|motivering|kommentar|för vad)$/u;
/** A header or row label naming a change to the ram, or how long one lasts: a table of ramjusteringar. */
const CHANGE_WORD =
  /justering|förändring|ökning|minskning|förstärkning|effektivisering|besparing|varaktig|tillfällig|engångs|riktning/u;
const YEAR = /\b((?:19|20)\d\d)\b/u;
/** The auditors: no nämnd, but KF gives them a ram of their own. */
const AUDIT = /^(?:kommun)?revision(?:en)?$|^revisorerna$/iu;
const HEADER_SCAN_ROWS = 30;

interface AmountColumn {
  col: number;
  year: number;
  kind: BudgetKind;
  unit: AmountUnit | null;
  /** The header's cell, where a finding about the column points. */
  headerRow: number;
}

/** The header text without its unit: "Ram 2025 (mnkr)" → "ram 2025". */
function bareHeader(value: CellValue): string {
  return cellText(value)
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+(?:tkr|mnkr|mkr|kr|miljoner kronor)$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first year the texts name, as a title gives the year of a table ("Ramar för driftsbudget 2025"). */
function yearIn(texts: string[]): number | null {
  for (const text of texts) {
    const found = YEAR.exec(text);
    if (found) return Number(found[1]);
  }
  return null;
}

/** The columns of ramar (or tilläggsbudgetar) a header row heads; a header written over two rows gives its years below. */
function amountColumns(grid: Grid, headerRow: number, supplementaryTable: boolean, titleYear: number | null) {
  const header = grid.values[headerRow - grid.top] ?? [];
  const below = grid.values[headerRow + 1 - grid.top] ?? [];
  const columns: AmountColumn[] = [];
  let usesRowBelow = false;
  header.forEach((value, i) => {
    const text = bareHeader(value);
    if (!text || PROPOSAL.test(text)) return;
    const col = grid.left + i;
    const unit = unitFromHeader(cellText(value));
    const frame = FRAME_WORD.exec(text);
    const supplementary = SUPPLEMENTARY_WORD.exec(text) ?? (supplementaryTable ? DECISION_WORD.exec(text) : null);
    const kind: BudgetKind | null = supplementary ? "supplementary" : frame ? "frame" : null;
    if (!kind) return;
    const written = supplementary ? supplementary[1] : frame?.[3];
    if (written) {
      columns.push({ col, year: Number(written), kind, unit, headerRow });
      return;
    }
    // "Ram" and "Budget" alone are also what a table of changes calls its amount: only with a year are they levels.
    if (frame?.[2]) return;
    // A word over a row of years ("Kommunbidrag" | 2025 | 2026): each year below it, up to the next header.
    let end = i + 1;
    while (end < header.length && !isFilled(header[end])) end++;
    const years: number[] = [];
    for (let j = i; j < Math.max(end, i + 1); j++) {
      const year = /^((?:19|20)\d\d)$/.exec(cellText(below[j] ?? null).trim());
      if (year) {
        years.push(Number(year[1]));
        columns.push({ col: grid.left + j, year: Number(year[1]), kind, unit, headerRow: headerRow + 1 });
      }
    }
    if (years.length) usesRowBelow = true;
    else if (titleYear !== null) columns.push({ col, year: titleYear, kind, unit, headerRow });
  });
  return { columns, firstRow: headerRow + (usesRowBelow ? 2 : 1) };
}

/** A row's name that gets a ram: a nämnd's (or styrelse's), or the auditors'. */
function getsRam(name: string): boolean {
  return isCommitteeName(name) || AUDIT.test(name);
}

/** The leftmost column left of the amounts whose texts name nämnder: two names at least, a third of its texts. */
function committeeColumn(grid: Grid, firstRow: number, before: number): number | undefined {
  for (let col = grid.left; col < before; col++) {
    const texts: string[] = [];
    for (let row = firstRow; row < grid.top + grid.values.length; row++) {
      const value = valueAt(grid, row, col);
      if (typeof value === "string" && value.trim()) texts.push(value.trim());
    }
    const names = texts.filter(getsRam).length;
    if (names >= 2 && names * 3 >= texts.length) return col;
  }
  return undefined;
}

/** A table of ramjusteringar: a header or a row label that names a change or how long one lasts. */
function namesChanges(grid: Grid, headerRow: number, committeeCol: number, amountCols: number[]): boolean {
  for (let row = headerRow; row < grid.top + grid.values.length; row++) {
    const values = grid.values[row - grid.top] ?? [];
    for (let i = 0; i < values.length; i++) {
      const col = grid.left + i;
      if (col === committeeCol || amountCols.includes(col) || typeof values[i] !== "string") continue;
      const text = bareHeader(values[i]);
      // A label, not a note under the table that happens to use the word.
      if (text.split(" ").length <= 6 && CHANGE_WORD.test(text)) return true;
    }
  }
  return false;
}

/** The unit the table states: in an amount header, as a header of its own ("(mnkr)"), or in the text above. */
function tableUnit(grid: Grid, headerRow: number, titles: RawCell[]): AmountUnit | undefined {
  for (const value of grid.values[headerRow - grid.top] ?? []) {
    const unit = typeof value === "string" ? unitFromHeader(value) : null;
    if (unit) return unit;
  }
  for (const title of titles) {
    const unit = unitFromHeader(cellText(title.value));
    if (unit) return unit;
  }
  return undefined;
}

/** Whether a row could open the header: it holds a column of ramar or tilläggsbudgetar. */
function headsAmounts(grid: Grid, row: number, supplementary: boolean): boolean {
  return (grid.values[row - grid.top] ?? []).some((value) => {
    const text = bareHeader(value);
    if (!text || PROPOSAL.test(text)) return false;
    return FRAME_WORD.test(text) || SUPPLEMENTARY_WORD.test(text) || (supplementary && DECISION_WORD.test(text));
  });
}

/**
 * The budgets of a sheet's driftbudget table, a budget per nämnd and year column; none when it holds no such table.
 * The header is the first row within reach that heads a table of nämnder (a title such as "Driftbudget 2025" heads none).
 */
export function budgetTable(sheet: Grid): RawBudget[] {
  const titled = (row: number) =>
    [sheet.sheet, ...titlesAbove(sheet, row).map((cell) => cellText(cell.value))].some((text) =>
      /tilläggsbudget/iu.test(text),
    );
  const end = Math.min(sheet.top + sheet.values.length, sheet.top + HEADER_SCAN_ROWS);
  for (let row = sheet.top; row < end; row++) {
    if (!headsAmounts(sheet, row, titled(row))) continue;
    const budgets = tableAt(sheet, row, titled(row));
    if (budgets) return budgets;
  }
  return [];
}

/** The budgets of the table whose header is `headerRow`; null when no table of nämnder stands under it. */
function tableAt(sheet: Grid, headerRow: number, supplementaryTable: boolean): RawBudget[] | null {
  const titles = titlesAbove(sheet, headerRow);
  // An investment budget's "Budget 2025" is what its projects may spend, not a nämnd's ram (investmentTables.ts).
  const header = (sheet.values[headerRow - sheet.top] ?? []).map(cellText);
  if ([sheet.sheet, ...header, ...titles.map((cell) => cellText(cell.value))].some((t) => /investering/iu.test(t)))
    return [];
  const titleYear = yearIn([...titles.map((cell) => cellText(cell.value)), sheet.sheet]);
  const grid = fillMergesDown(sheet, headerRow);
  const { columns, firstRow } = amountColumns(grid, headerRow, supplementaryTable, titleYear);
  if (columns.length === 0) return null;
  const amountCols = columns.map(({ col }) => col);
  const committeeCol = committeeColumn(grid, firstRow, Math.min(...amountCols));
  if (committeeCol === undefined) return null;
  // A table of ramjusteringar is read as changes, and gives no budget at all. (A tilläggsbudget is itself a change
  // KF decided: what it is for may well say "förstärkning".)
  const frames = columns.some(({ kind }) => kind === "frame");
  if (frames && namesChanges(grid, headerRow, committeeCol, amountCols)) return [];
  const unit = tableUnit(grid, headerRow, titles);
  const descriptionCol = (grid.values[headerRow - grid.top] ?? []).findIndex((value) =>
    DESCRIPTION.test(bareHeader(value)),
  );
  return committeeRows(grid, firstRow, committeeCol).flatMap(({ committee, rows }) =>
    columns.flatMap((column) => {
      const amounts = rows.flatMap((row) => filledCell(grid, row, column.col) ?? []);
      if (amounts.length === 0) return [];
      const description =
        column.kind === "supplementary" && descriptionCol >= 0
          ? (filledCell(grid, rows[0], grid.left + descriptionCol) ?? undefined)
          : undefined;
      const decimals = Math.max(...amounts.map(({ ref }) => shownDecimals(grid, ref.row, ref.col)));
      return [
        { kind: column.kind, committee, year: column.year, amounts, unit: column.unit ?? unit, description, decimals },
      ];
    }),
  );
}

/**
 * The rows of each nämnd: its Summa row when it stands beside verksamheter (a nämnd merged down them, or written on
 * each), else all of its rows (added up). Rows naming no nämnd (Summa nämnder, Resultat, a förvaltning) give nothing.
 */
function committeeRows(grid: Grid, firstRow: number, committeeCol: number): { committee: RawCell; rows: number[] }[] {
  const groups: { committee: RawCell; name: string; rows: number[]; total?: number }[] = [];
  for (let row = firstRow; row < grid.top + grid.values.length; row++) {
    const value = valueAt(grid, row, committeeCol);
    const name = cellText(value).trim();
    const values = grid.values[row - grid.top] ?? [];
    if (!name || isTotals(name) || !getsRam(name)) continue;
    let group = groups[groups.length - 1];
    if (!group || group.name !== name) {
      group = { committee: { value: name, ref: { sheet: grid.sheet, row, col: committeeCol } }, name, rows: [] };
      groups.push(group);
    }
    if (values.some((cell, i) => grid.left + i !== committeeCol && isTotals(cell))) group.total = row;
    else group.rows.push(row);
  }
  return groups.map(({ committee, rows, total }) => ({ committee, rows: total !== undefined ? [total] : rows }));
}
