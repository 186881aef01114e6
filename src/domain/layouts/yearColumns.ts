import { Grid, cellText, isFilled, valueAt } from "../../sheet/grid";
import { unitFromHeader } from "../amounts";
import { CellRow, FieldName, RawCell, TableColumns, filledCell } from "../raw";
import { COLUMN_LOOK, rowFields } from "./tableColumns";

/**
 * Ramjusteringar by year, a column each ("2025 | Plan 2026 | Budget 2027"): the year columns, a ramjustering per filled
 * year cell, and the unheaded column left of the amounts that says what each change is for.
 */

/** A year header: 2025, "2025", "Budget 2025", "Plan 2026 (tkr)". */
export const YEAR_HEADER = /^(?:(?:budget|plan|prognos|år)\s*)?((?:19|20)\d\d)(?:\s*\(?[\p{L} ]+\)?)?$/iu;

/** The header columns that name a year, with the unit a header may add. */
export function yearColumns(grid: Grid, headerRow: number) {
  return (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const text = cellText(value).trim();
    const year = YEAR_HEADER.exec(text)?.[1];
    return year ? [{ col: grid.left + i, year: Number(year), unit: unitFromHeader(text), headerRow }] : [];
  });
}

/** Left of `before`, the first column with no header and no field whose values are text, not figures. */
export function unheadedTextColumn(
  grid: Grid,
  headerRow: number,
  before: number,
  fields: Map<number, FieldName>,
): number | undefined {
  // Past the grid's widest row every cell is empty: no column there can hold texts.
  const width = grid.values.reduce((widest, row) => Math.max(widest, row.length), 0);
  const end = Math.min(before, grid.left + width);
  for (let col = grid.left; col < end; col++) {
    if (fields.has(col) || isFilled(valueAt(grid, headerRow, col))) continue;
    let texts = 0;
    let others = 0;
    const first = Math.max(headerRow + 1, grid.top);
    for (let row = first; row < grid.top + grid.values.length && texts + others < COLUMN_LOOK; row++) {
      const value = valueAt(grid, row, col);
      if (!isFilled(value)) continue;
      if (typeof value === "string" && /\p{L}/u.test(value)) texts++;
      else others++;
    }
    if (texts > 0 && texts >= others * 3) return col;
  }
  return undefined;
}

/**
 * A row of ramjusteringar by year: one ramjustering per filled year cell, with the row's other fields (nämnd,
 * varaktighet …) and its year from the header, whose cell findings about the year point at.
 */
export function yearAdjustments(
  grid: Grid,
  row: number,
  years: { col: number; year: number; headerRow: number }[],
  columns: TableColumns,
  committee?: RawCell,
): CellRow[] {
  const shared = rowFields(grid, row, columns);
  shared.committee ??= committee;
  return years.flatMap(({ col, year, headerRow }) => {
    const amount = filledCell(grid, row, col);
    if (!amount) return [];
    const when = { value: year, ref: { sheet: grid.sheet, row: headerRow, col } };
    const fields = { ...shared, amount, year: when };
    return [{ kind: "adjustment" as const, ref: amount.ref, fields, amountUnit: columns.amountUnit }];
  });
}
