/**
 * The windows of the Excel host's first read (read.ts): before it knows where a sheet's cells are, the sync that
 * measures the used ranges already reads each sheet's first rows, as the used range's intersection with two boxes
 * from the sheet's top-left cell: rows of the first `NARROW` columns (a plan's tables are about that wide), and
 * fewer rows of the next `WIDE` columns (wide sheets are short ones: overviews, follow-up sheets), as many cells.
 * A window holds no more than the used range does, so a workbook within the budget is read whole in that sync; what
 * lies outside the windows is read in blocks.
 */

/** A rectangle of a sheet's used range, relative to its top-left cell. */
export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Where a sheet's used range is, 0-based. */
export interface Dims {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** A box of the sheet: rows 0…rows-1, columns left…left+columns-1. */
export interface Box {
  rows: number;
  left: number;
  columns: number;
}

const NARROW = 8;
const WIDE = 56;
const MAX_ROWS = 1_048_576;

/** The boxes of a sheet's windows when the narrow one takes `rows` rows (at least one row each). */
export function windowBoxes(rows: number): Box[] {
  const narrow = Math.max(1, Math.min(MAX_ROWS, Math.floor(rows)));
  return [
    { rows: narrow, left: 0, columns: NARROW },
    { rows: Math.max(1, Math.floor((narrow * NARROW) / WIDE)), left: NARROW, columns: WIDE },
  ];
}

/**
 * Rows of the narrow window: as many as fill a third of `budget` at `cellBytes` a cell, so that the windows of three
 * long sheets, full, fit in it (a plan has about three tables that may be long: mål, uppdrag and ramjusteringar;
 * its other sheets are short, and their windows take what they hold).
 */
export function windowRows(budget: number, cellBytes: number): number {
  return budget / (LONG_SHEETS * NARROW * cellBytes);
}

const LONG_SHEETS = 3;

/**
 * What the windows `boxes` (side by side from column A, each from row 1) read of the used range `used`: per box, the
 * rectangle it covers (null: none), and the rectangles left to read.
 */
export function coverage(used: Dims, boxes: Box[]): { read: (Rect | null)[]; rest: Rect[] } {
  const clampColumn = (column: number) => Math.min(used.columns, Math.max(0, column - used.left));
  const rest: Rect[] = [];
  const read = boxes.map((box) => {
    const left = clampColumn(box.left);
    const columns = clampColumn(box.left + box.columns) - left;
    const rows = Math.min(used.rows, Math.max(0, box.rows - used.top));
    if (columns > 0 && rows < used.rows) rest.push({ top: rows, left, rows: used.rows - rows, columns });
    return columns > 0 && rows > 0 ? { top: 0, left, rows, columns } : null;
  });
  const last = boxes[boxes.length - 1];
  const beyond = clampColumn(last.left + last.columns);
  if (beyond < used.columns && used.rows > 0) {
    rest.push({ top: 0, left: beyond, rows: used.rows, columns: used.columns - beyond });
  }
  return { read, rest };
}
