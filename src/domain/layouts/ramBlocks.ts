import { CellValue, Grid, cellText, isFilled } from "../../sheet/grid";
import { UnreadCell, unreadCell } from "../unread";
import { blockTitleCommittee } from "./tableCommittees";
import { YEAR_HEADER } from "./yearColumns";

/**
 * Several ram blocks on one sheet, a block per nämnd, one under another and/or side by side:
 *
 *   Socialnämnden (tkr)                          Tekniska nämnden (tkr)
 *                       2025     2026                                2025    2026
 *   Ram föregående år   500 000  512 000         Ram föregående år   80 000  81 000
 *   Ramökning hemtjänst   3 000                  Effektivisering     −1 000    −500
 *
 * A block is its title naming the nämnd, a header row of years just below it, and its lines down to the next block's
 * title (or the sheet's end), across to the next block beside it. Each is read as a table of its own (table.ts reads
 * one block per table: its title gives the lines their nämnd).
 */
export interface RamBlock {
  /** The block's cells only, in sheet coordinates. */
  grid: Grid;
  /** Sheet row of the block's header of years (its title stands just above). */
  headerRow: number;
}

const YEAR_START = /^\s*[\dbpåBPÅ]/;

/** A year heading its column: 2025, "2025", "Plan 2026 (tkr)". */
function isYearHeader(value: CellValue): boolean {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1900 && value < 2100;
  if (typeof value !== "string" || value.length > 30) return false;
  // Most text is ruled out by its first letter, before the pattern: a year or "Budget", "Plan", "Prognos", "År".
  return YEAR_START.test(value) && YEAR_HEADER.test(value.trim());
}

/** Years in a header row: two or more make one ("2025 | Plan 2026 | 2027"). Checked on every row of a table sheet. */
function yearCells(values: CellValue[], from: number, to: number): number {
  let years = 0;
  for (let i = from; i < to && i < values.length; i++) if (isYearHeader(values[i])) years++;
  return years;
}

const FIRST_BLOCK_WITHIN = 30;

/** The ram blocks of a sheet; none when it holds fewer than two (a single block reads as the sheet's table). */
export function ramBlocks(grid: Grid): RamBlock[] {
  const starts: { row: number; col: number }[] = [];
  for (let i = 0; i + 1 < grid.values.length; i++) {
    // The first block stands near the top, as a header would: a sheet without one there is not looked through.
    if (i === FIRST_BLOCK_WITHIN && starts.length === 0) return [];
    const below = grid.values[i + 1];
    if (yearCells(below, 0, below.length) < 2) continue;
    // A title row holds nothing but the blocks' titles: a row of data that happens to name a nämnd above a row with
    // two year-like figures is no block.
    const titles: { row: number; col: number }[] = [];
    const allTitles = grid.values[i].every((value, j) => {
      if (!isFilled(value)) return true;
      if (blockTitleCommittee(value) === null) return false;
      titles.push({ row: grid.top + i, col: grid.left + j });
      return true;
    });
    if (allTitles) starts.push(...titles);
  }
  if (starts.length < 2) return [];
  const width = grid.values.reduce((widest, values) => Math.max(widest, values.length), 0);
  return starts.flatMap((start) => {
    const beside = starts.filter((s) => s.row === start.row && s.col > start.col).map((s) => s.col);
    const right = Math.min(grid.left + width, ...beside) - 1;
    const below = starts.filter((s) => s.row > start.row && s.col >= start.col && s.col <= right).map((s) => s.row);
    const bottom = Math.min(grid.top + grid.values.length, ...below) - 1;
    const rows = grid.values.slice(start.row - grid.top, bottom + 1 - grid.top);
    // The header of years must stand inside the block, not only in the one beside it.
    if (yearCells(rows[1] ?? [], start.col - grid.left, right + 1 - grid.left) === 0) return [];
    const values = rows.map((values) => values.slice(start.col - grid.left, right + 1 - grid.left));
    const block: Grid = { ...grid, top: start.row, left: start.col, values };
    return [{ grid: block, headerRow: start.row + 1 }];
  });
}

/** The sheet's filled cells outside every block: a title above them, or a line the reader could not place. */
export function outsideBlocks(grid: Grid, blocks: RamBlock[]): UnreadCell[] {
  const inside = (row: number, col: number) =>
    blocks.some(
      ({ grid: b }) =>
        row >= b.top &&
        row < b.top + b.values.length &&
        col >= b.left &&
        col < b.left + Math.max(0, ...b.values.map((values) => values.length)),
    );
  const firstRow = Math.min(...blocks.map(({ grid: b }) => b.top));
  const unread: UnreadCell[] = [];
  grid.values.forEach((values, i) => {
    values.forEach((value, j) => {
      const row = grid.top + i;
      const col = grid.left + j;
      if (!isFilled(value) || inside(row, col)) return;
      const reason = row < firstRow ? "title" : "notUnderstood";
      unread.push(unreadCell({ sheet: grid.sheet, row, col }, cellText(value), reason));
    });
  });
  return unread;
}
