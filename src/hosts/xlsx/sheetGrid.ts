/**
 * A scanned worksheet (sheetScan.ts) as the Grid the core reads. Node-free.
 *
 * Merged ranges are clipped to the rows and columns that hold cells (a range is its top-left value spread over the
 * cells it covers, and rows past the last one are not there to receive it); a range that shrinks to one cell is
 * dropped. The other cells of a range show nothing (whatever the file holds there), as in Excel.
 *
 * The used range is every cell with a value or a formula, widened to cover merged ranges whose top-left cell has one
 * (so a merged title keeps its extent); cells that are only formatted do not count, as with Office.js
 * `getUsedRange(true)`.
 */
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../../sheet/grid";
import type { ScannedSheet } from "./sheetScan";
import { type CellRange, clipRange } from "./sheetXml";

/** Thrown for merged ranges that overlap: the file is damaged (ECMA-376 Part 1 §18.3.1.55). */
export class OverlappingMerges extends Error {}

/** The sheet's merged ranges clipped to its used cells (0-based), and how many cells they cover. */
export function clippedMerges(sheet: ScannedSheet): { merges: MergedRange[]; cells: number } {
  const merges: MergedRange[] = [];
  let cells = 0;
  for (const range of sheet.merges) {
    const clipped = clipRange(range, sheet.used);
    if (!clipped) continue;
    cells += (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
    merges.push({ top: clipped.top - 1, left: clipped.left - 1, bottom: clipped.bottom - 1, right: clipped.right - 1 });
  }
  return { merges, cells };
}

/** `merges`: clippedMerges's, whose cells the caller has counted against the limit. */
export function sheetGrid(sheet: ScannedSheet, merges: MergedRange[], name: string, visibility: SheetVisibility): Grid {
  refuseOverlaps(merges);
  const { cells, formats } = sheet;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const rowCells = cells[r];
      if (rowCells === undefined) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        delete rowCells[c];
        if (formats[r]) delete formats[r][c];
      }
    }
  }
  // A formula without a result is kept as null in `cells`: gone from there, it was covered by a merged range.
  const uncomputed = sheet.uncomputed.filter(({ row, col }) => cells[row]?.[col] !== undefined);

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (row: number, col: number) => {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  };
  cells.forEach((rowCells, r) => {
    const first = rowCells.findIndex((cell) => cell !== undefined);
    if (first < 0) return;
    include(r, first);
    include(r, lastIndex(rowCells));
  });
  const has = (row: number, col: number) => cells[row]?.[col] !== undefined;
  for (const m of merges) {
    if (has(m.top, m.left)) {
      include(m.top, m.left);
      include(m.bottom, m.right);
    }
  }

  const grid: Grid = {
    sheet: name,
    top: bottom < 0 ? 0 : top,
    left: bottom < 0 ? 0 : left,
    values: [],
    formats: [],
    visibility,
    merges: [],
    hiddenRows: [],
    uncomputed: [...uncomputed].sort((a, b) => a.row - b.row || a.col - b.col),
  };
  if (bottom < 0) return grid;

  // The used range as a rectangle, unless that would be mostly air: one stray value at XFD1048576 beside a table at
  // A1 must not make 17 billion empty cells. Then each row ends at its last value (the core reads a missing cell as
  // empty). 5 million cells is what Excel itself hands an add-in in one read.
  const rectangle = (bottom - top + 1) * (right - left + 1) <= MAX_RECTANGLE_CELLS;
  for (let r = top; r <= bottom; r++) {
    const rowCells = cells[r] ?? [];
    const rowFormats = formats[r] ?? [];
    const end = rectangle ? right : lastIndex(rowCells);
    const values: CellValue[] = [];
    const rowFormatsOut: (string | null)[] = [];
    for (let c = left; c <= end; c++) {
      values.push(rowCells[c] ?? null);
      rowFormatsOut.push(rowFormats[c] ?? null);
    }
    grid.values.push(values);
    grid.formats!.push(rowFormatsOut);
  }
  grid.hiddenRows = [...new Set(sheet.hiddenRows.filter((r) => r >= top && r <= bottom))].sort((a, b) => a - b);
  grid.merges = merges
    .filter((m) => m.top >= top && m.left >= left && m.bottom <= bottom && m.right <= right)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return grid;
}

const MAX_RECTANGLE_CELLS = 5_000_000;

/** The last index of a sparse row that holds a cell; -1 when none does. */
function lastIndex(row: CellValue[]): number {
  let last = row.length - 1;
  while (last >= 0 && row[last] === undefined) last--;
  return last;
}

/** Throws OverlappingMerges when two ranges share a cell. Sorted by top row, each is compared with those still open. */
function refuseOverlaps(merges: CellRange[]): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let open: CellRange[] = [];
  for (const range of byTop) {
    open = open.filter((other) => other.bottom >= range.top);
    if (open.some((other) => other.left <= range.right && range.left <= other.right)) throw new OverlappingMerges();
    open.push(range);
  }
}
