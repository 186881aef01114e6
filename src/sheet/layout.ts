import { SpecCell } from "./spec";

/** Excel's default row height for Calibri 11, in points: one line of text. */
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * The height one row needs, in points: as many lines as its longest wrapped cell takes in its column's width in
 * characters (a little generous, since proportional fonts vary). `cells[i]` stands in column `i + firstCol`.
 */
export function rowHeight(cells: SpecCell[], widths: number[], firstCol = 0): number {
  let lines = 1;
  cells.forEach((cell, i) => {
    if (!cell.wrap || typeof cell.value !== "string") return;
    const width = widths[i + firstCol] ?? 10;
    const needed = cell.value
      .split("\n")
      .reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.05) / width)), 0);
    lines = Math.max(lines, needed);
  });
  return lines * DEFAULT_ROW_HEIGHT;
}

/**
 * Hosts do not auto-fit rows when writing, so each row with wrapped text gets the height it needs (rowHeight);
 * rows of one line keep the default. `rows[r][c]` stands in column `c + firstCol`.
 */
export function estimateRowHeights(
  rows: SpecCell[][],
  widths: number[],
  top = 0,
  firstCol = 0,
): { row: number; height: number }[] {
  return rows.flatMap((cells, r) => {
    const height = rowHeight(cells, widths, firstCol);
    return height > DEFAULT_ROW_HEIGHT ? [{ row: top + r, height }] : [];
  });
}
