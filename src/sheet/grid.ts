/**
 * Grid: what a host reads from one worksheet. The only input the core accepts.
 * Rows and columns are 0-based sheet coordinates; `values[0][0]` sits at (top, left).
 */

/** An Excel error value such as #REF! or #N/A, kept distinct from text that merely looks like one. */
export interface ErrorValue {
  error: string;
}

export type CellValue = string | number | boolean | Date | ErrorValue | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Number formats of the cells holding numbers or dates (else null, as is General), where the host read them. */
  formats?: (string | null)[][];
  visibility?: SheetVisibility;
  merges?: MergedRange[];
  hiddenRows?: number[];
  /**
   * Cells holding a formula whose result the file does not carry (saved by a program that does not calculate): they
   * read as empty here, and whoever reads an answer from one must say so. Sheet coordinates.
   */
  uncomputed?: { row: number; col: number }[];
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function isErrorValue(value: CellValue): value is ErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** Whether a cell holds anything: not empty, not only white space. */
export function isFilled(value: CellValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== "string") return true;
  // Most text starts with a printable ASCII character: filled, without trimming a copy (this runs on every cell).
  const first = value.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || value.trim() !== "";
}

/**
 * The index of a row's one filled cell, or -1 when it has none or several. Checked on every row of every sheet by the
 * layouts: it allocates nothing.
 */
export function onlyFilled(values: readonly CellValue[]): number {
  let only = -1;
  for (let i = 0; i < values.length; i++) {
    if (!isFilled(values[i])) continue;
    if (only >= 0) return -1;
    only = i;
  }
  return only;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** "AA" → 26. Returns -1 for anything that is not a column name. */
export function columnIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return -1;
  let index = 0;
  for (const ch of name.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** (6, 1) → "B7". */
export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function refName(ref: CellRef): string {
  return cellName(ref.row, ref.col);
}

/** The value at a sheet coordinate, or null outside the grid. */
export function valueAt(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row - grid.top]?.[col - grid.left] ?? null;
}

/** Decimals a cell shows: its number format's, else its value's (how precisely a published figure was rounded). */
export function shownDecimals(grid: Grid, row: number, col: number): number {
  const format = grid.formats?.[row - grid.top]?.[col - grid.left];
  const shown = format ? /[0#]\.([0#]+)/.exec(format)?.[1].length : undefined;
  if (shown !== undefined) return shown;
  const value = valueAt(grid, row, col);
  return typeof value === "number" ? (String(value).split(".")[1]?.length ?? 0) : 0;
}

/** Text of a cell as a user reads it: trimmed, numbers in plain form; error values and empty cells give "". */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return value.trim();
  if (value === null || isErrorValue(value)) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
