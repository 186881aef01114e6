/**
 * The xlsx host's former read path, kept here only to compare with the reader of its own that replaced it
 * (test/xlsx-reader.spec.ts): the workbook loaded into ExcelJS (src/hosts/xlsx/loadWorkbook.ts, still used for writing
 * copies) and each worksheet mapped to a Grid as the host did before.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../../src/sheet/grid";
import { loadWorkbook } from "../../src/hosts/xlsx/loadWorkbook";

export async function readWithExcelJs(
  data: Uint8Array,
  name: string,
): Promise<{ grids: Grid[]; modified: Date | null }> {
  const { workbook } = await loadWorkbook(data, name);
  const modified = workbook.modified instanceof Date && !isNaN(workbook.modified.getTime()) ? workbook.modified : null;
  return { grids: workbook.worksheets.map(sheetGrid), modified };
}

const VISIBILITY: Record<string, SheetVisibility> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

/**
 * The used range is every cell with a value or a formula, widened to cover merged ranges whose top-left cell has
 * one (so a merged title keeps its extent); cells that are only formatted do not count, as with Office.js
 * `getUsedRange(true)`.
 */
function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  // Per row (0-based), the cells with content by column, and the formats of those holding numbers: rows come in
  // order and hold a few cells each, so arrays cost less than one map of every cell.
  const cells: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const slaves = new Map<string, { row: number; col: number }[]>(); // master address → its other cells (0-based)
  const uncomputed: { row: number; col: number }[] = [];
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

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const type = cell.type;
      if (type === ExcelJS.ValueType.Merge) {
        const list = slaves.get(cell.master.address) ?? [];
        list.push({ row: r, col: c });
        slaves.set(cell.master.address, list);
        return;
      }
      const value = cellValue(cell.value);
      if (value === null && type !== ExcelJS.ValueType.Formula) return;
      if (type === ExcelJS.ValueType.Formula && !hasResult(cell.value)) uncomputed.push({ row: r, col: c });
      (cells[r] ??= [])[c] = value;
      // Only a number's format says what it holds (a date); the Excel host reads no other.
      const format = typeof value === "number" || value instanceof Date ? cell.numFmt : undefined;
      if (format && format !== "General") (numberFormats[r] ??= [])[c] = format;
      include(r, c);
    });
  });
  const has = (row: number, col: number) => cells[row] !== undefined && cells[row][col] !== undefined;

  const merges: MergedRange[] = [];
  for (const [address, slaveCells] of slaves) {
    const master = sheet.getCell(address);
    const range: MergedRange = {
      top: Number(master.row) - 1,
      left: Number(master.col) - 1,
      bottom: Number(master.row) - 1,
      right: Number(master.col) - 1,
    };
    for (const { row, col } of slaveCells) {
      range.top = Math.min(range.top, row);
      range.left = Math.min(range.left, col);
      range.bottom = Math.max(range.bottom, row);
      range.right = Math.max(range.right, col);
    }
    if (has(range.top, range.left)) {
      include(range.top, range.left);
      include(range.bottom, range.right);
    }
    merges.push(range);
  }

  const grid: Grid = {
    sheet: sheet.name,
    top: bottom < 0 ? 0 : top,
    left: bottom < 0 ? 0 : left,
    values: [],
    formats: [],
    visibility: VISIBILITY[sheet.state] ?? "visible",
    merges: [],
    hiddenRows: [],
    uncomputed,
  };
  if (bottom < 0) return grid;

  // The used range as a rectangle, unless that would be mostly air: one stray value at XFD1048576 beside a table at
  // A1 must not make 17 billion empty cells. Then each row ends at its last value (the core reads a missing cell as
  // empty). 5 million cells is what Excel itself hands an add-in in one read.
  const rectangle = (bottom - top + 1) * (right - left + 1) <= MAX_RECTANGLE_CELLS;
  for (let r = top; r <= bottom; r++) {
    const rowCells = cells[r] ?? [];
    const rowFormats = numberFormats[r] ?? [];
    const end = rectangle ? right : rowCells.length - 1;
    const values: CellValue[] = [];
    const formats: (string | null)[] = [];
    for (let c = left; c <= end; c++) {
      values.push(rowCells[c] ?? null);
      formats.push(rowFormats[c] ?? null);
    }
    grid.values.push(values);
    grid.formats!.push(formats);
    if (sheet.findRow(r + 1)?.hidden) grid.hiddenRows!.push(r);
  }
  grid.merges = merges
    .filter((m) => m.top >= top && m.left >= left && m.bottom <= bottom && m.right <= right)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return grid;
}

const MAX_RECTANGLE_CELLS = 5_000_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Plain text of a string or rich-text value; undefined for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isObject(value) && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return undefined;
}

/** Whether a formula's value carries its result: a file saved without calculating has none (`<f>` and no `<v>`). */
function hasResult(value: unknown): boolean {
  return isObject(value) && value.result !== undefined;
}

/** An ExcelJS cell value as a Grid value; formulas give their cached result. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ("formula" in value || "sharedFormula" in value) return "result" in value ? cellValue(value.result) : null;
  if (typeof value.error === "string") return { error: value.error };
  if ("hyperlink" in value) return textOf(value.text) ?? cellValue(value.text);
  return textOf(value) ?? null;
}
