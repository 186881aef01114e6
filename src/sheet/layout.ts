import { SpecCell } from "./spec";

const LINE_HEIGHT = 15;

/**
 * Hosts do not auto-fit rows when writing, so each row with wrapped text gets the height its longest cell needs,
 * estimated from the column widths in characters (a little generous, since proportional fonts vary).
 * `rows[r][c]` stands in column `c + firstCol`.
 */
export function estimateRowHeights(
  rows: SpecCell[][],
  widths: number[],
  top = 0,
  firstCol = 0,
): { row: number; height: number }[] {
  const heights: { row: number; height: number }[] = [];
  rows.forEach((cells, r) => {
    let lines = 1;
    cells.forEach((cell, i) => {
      if (!cell.wrap || typeof cell.value !== "string") return;
      const width = widths[i + firstCol] ?? 10;
      const needed = cell.value
        .split("\n")
        .reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.05) / width)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) heights.push({ row: top + r, height: lines * LINE_HEIGHT });
  });
  return heights;
}
