import { CellValue, Grid, isFilled, onlyFilled } from "../../sheet/grid";
import { Origin } from "../model";
import { RawCell, RowKind } from "../raw";
import { readHeading } from "./pastedHeadings";
import { LEVEL_ROW, NOTE_START, TOTALS_START } from "../vocabulary";

/**
 * Rows of a table that are no items, and what stands around the rows: totals ("Summa", "varav …"), notes under the
 * table, ram levels among changes, headings of the budget document between the rows, titles above the header.
 */

/** The value of a row's one filled cell; null when the row has none or several. */
export function soleFilled(values: CellValue[]): CellValue | null {
  let only: CellValue | null = null;
  for (const value of values) {
    if (!isFilled(value)) continue;
    if (only !== null) return null;
    only = value;
  }
  return only;
}

/**
 * A cell that opens a totals row: "Summa", "Summa nämnder", "Totalt", "varav lokaler". A label, not a sentence
 * ("Totalt ska 500 bostäder byggas …" is an uppdrag).
 */
export function isTotals(value: CellValue | undefined): boolean {
  return typeof value === "string" && TOTALS_START.test(value) && value.trim().split(/\s+/).length <= 4;
}

/**
 * A note under a table, alone in its row below a blank one: "Källa: …", "* …"; on a sheet of nämnder or amounts,
 * whose items are short names, also a sentence.
 */
export function isNote(value: CellValue | undefined, kind: RowKind): boolean {
  if (typeof value !== "string") return false;
  if (NOTE_START.test(value)) return true;
  const sentence = /[.!?]$/.test(value.trim()) && value.trim().split(/\s+/).length >= 6;
  return sentence && (kind === "committee" || kind === "adjustment");
}

/** A row opened by a ram level ("Ram föregående år", "Ram"): a budget figure, not a change. */
export function isLevelRow(value: CellValue | undefined): boolean {
  return typeof value === "string" && LEVEL_ROW.test(value.trim());
}

/** A row holding nothing but a heading of the budget document: the goal, or the origin and year, it gives. */
export function headingIn(grid: Grid, row: number): { goal?: RawCell; origin?: Origin; year?: RawCell } | null {
  const values = grid.values[row - grid.top];
  const only = onlyFilled(values);
  const value = values[only];
  if (typeof value !== "string" || value.includes("\n")) return null;
  const heading = readHeading(value.trim());
  const ref = { sheet: grid.sheet, row, col: grid.left + only };
  if (heading?.kind === "goal") return { goal: { value: heading.name, ref } };
  if (heading?.kind === "assignments") {
    return { origin: heading.origin, ...(heading.year !== null ? { year: { value: heading.year, ref } } : {}) };
  }
  return null;
}

/** Text above the header row, for a plan title such as "Mål- och resursplan 2025–2027". */
export function titlesAbove(grid: Grid, headerRow: number): RawCell[] {
  const titles: RawCell[] = [];
  // A mapped header row may lie far below the sheet's last row: the rows past it hold nothing.
  const end = Math.min(headerRow, grid.top + grid.values.length);
  for (let row = grid.top; row < end; row++) {
    (grid.values[row - grid.top] ?? []).forEach((value, i) => {
      if (typeof value === "string" && value.trim())
        titles.push({ value, ref: { sheet: grid.sheet, row, col: grid.left + i } });
    });
  }
  return titles;
}
