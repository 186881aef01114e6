/**
 * The cells of a sheet as ops: its rows in chunks of about CHUNK_BYTES, each chunk one range whose number formats,
 * values, formulas and styles are set in one go, so that a large sheet can span syncs. Each chunk also says where
 * its filled cells stand and what reading them back will take, which gives the written sheet's shape (read.ts).
 */
import type { SheetShape } from "../read";
import { TEXT_FORMAT } from "../../../sheet/spec";
import type { SpecCell } from "../../../sheet/spec";
import { cellsJsonBytes } from "../units";
import { type Extent, type Op, type SheetOpBuilder, cost, sheetOf } from "./op";
import { applyStyle, styleBytes, styleRectangles } from "./styles";

/** Rows are written in blocks of about this many bytes, the unit in which large writes are split across syncs. */
const CHUNK_BYTES = 100_000;

/** A sheet's cells in row chunks: each chunk is an op. */
export const cellOps: SheetOpBuilder = (spec) => {
  const ops: Op[] = [];
  for (const block of spec.blocks) {
    let start = 0;
    let bytes = 0;
    block.rows.forEach((cells, r) => {
      bytes += cells.reduce((sum, cell) => sum + estimateCellBytes(cell), 0);
      if (bytes >= CHUNK_BYTES || r === block.rows.length - 1) {
        const op = chunkOp(spec.name, block.top + start, block.left, block.rows.slice(start, r + 1), spec.font);
        if (op) ops.push(op);
        start = r + 1;
        bytes = 0;
      }
    });
  }
  return ops;
};

function estimateCellBytes(cell: SpecCell | undefined): number {
  if (!cell) return 5;
  const text = typeof cell.value === "string" ? cell.value.length * 1.2 : 12;
  return 16 + text + (cell.formula?.length ?? 0) + (cell.numberFormat?.length ?? 0);
}

/**
 * Bytes reading a written cell back takes beyond its JSON in `values`: an empty cell reads as "" where it was written
 * as null; a number's format in its area of numbers, and each area's own properties; before ExcelApi 1.9, a cell's
 * value type and number format.
 */
const EMPTY_CELL_SAVING = 2;
const NUMBER_FORMAT_BYTES = 12;
const AREA_BYTES = 45;
const TYPE_AND_FORMAT_BYTES = 19;

/**
 * What goes into a cell's `values`, `numberFormat` and `formulas` entries (null: leave as is). TEXT STAYS TEXT:
 * Excel reads a string written through `values` as if typed ("=…" a formula, "001" the number 1, "50%" 0.5,
 * "2024-12-31" a date, "@x" an error), unless the cell's number format is text; so every non-empty string gets "@",
 * queued before its value. A formula cell never gets "@" (Excel would show the formula as text).
 */
export function cellContent(cell: SpecCell | undefined): {
  value: string | number | boolean | null;
  format: string | null;
  formula: string | null;
} {
  if (!cell) return { value: null, format: null, formula: null };
  if (cell.formula !== undefined) {
    const format = cell.numberFormat === TEXT_FORMAT ? null : (cell.numberFormat ?? null);
    return { value: null, format, formula: `=${cell.formula.replace(/^=/, "")}` };
  }
  if (typeof cell.value === "string" && cell.value !== "") {
    return { value: cell.value, format: TEXT_FORMAT, formula: null };
  }
  // "" is an empty cell, as Office.js writes it (ExcelJS stores an empty string; both read back as null).
  return { value: cell.value === "" ? null : cell.value, format: cell.numberFormat ?? null, formula: null };
}

/**
 * `font`: the spec's font name, written over the whole chunk; without one the cells keep the workbook's own font
 * (the Normal style's, i.e. the theme font), which setting bold or a size through Office.js leaves in place.
 */
function chunkOp(sheetName: string, top: number, left: number, rows: SpecCell[][], font?: string): Op | null {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  if (width === 0) return null;
  const values: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  let hasValue = false;
  let hasFormat = false;
  let hasFormula = false;
  // What reading these cells back will take, counted on the way: filled extent, empty cells, numbers and their areas.
  const filled = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  let readExtra = 0;
  rows.forEach((cells, r) => {
    const valueRow: (string | number | boolean | null)[] = [];
    const formatRow: (string | null)[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const { value, format, formula } = cellContent(cells[c]);
      valueRow.push(value);
      formatRow.push(format);
      formulaRow.push(formula);
      hasValue ||= value !== null;
      hasFormat ||= format !== null;
      hasFormula ||= formula !== null;
      if (value === null) readExtra -= EMPTY_CELL_SAVING;
      if (typeof value === "number") {
        readExtra += NUMBER_FORMAT_BYTES + (typeof values[r - 1]?.[c] === "number" ? 0 : AREA_BYTES);
      }
      if (value === null && formula === null) continue;
      filled.top = Math.min(filled.top, r);
      filled.left = Math.min(filled.left, c);
      filled.bottom = Math.max(filled.bottom, r);
      filled.right = Math.max(filled.right, c);
    }
    values.push(valueRow);
    formats.push(formatRow);
    formulas.push(formulaRow);
  });
  const rects = styleRectangles(rows, width);
  const valueBytes = cellsJsonBytes(values);
  let bytes = cost(1, 0);
  if (hasFormat) bytes += cost(0, 1) + cellsJsonBytes(formats);
  if (hasValue) bytes += cost(0, 1) + valueBytes;
  if (hasFormula) bytes += cost(0, 1) + cellsJsonBytes(formulas);
  for (const rect of rects) bytes += styleBytes(rect.style);
  if (font) bytes += cost(2, 1);
  const extent: Extent | undefined =
    filled.bottom < 0
      ? undefined
      : {
          sheet: sheetName,
          top: top + filled.top,
          left: left + filled.left,
          bottom: top + filled.bottom,
          right: left + filled.right,
          bytes: valueBytes + readExtra,
          cells: rows.length * width,
        };

  return {
    bytes,
    extent,
    queue(_context, state) {
      const sheet = sheetOf(state, sheetName);
      const range = sheet.getRangeByIndexes(top, left, rows.length, width);
      // Number formats first: the text format must be in place when the strings arrive.
      if (hasFormat) range.numberFormat = formats;
      if (hasValue) range.values = values;
      if (hasFormula) range.formulas = formulas;
      if (font) range.format.font.name = font;
      for (const rect of rects) {
        applyStyle(sheet.getRangeByIndexes(top + rect.top, left + rect.left, rect.rows, rect.cols), rect.style);
      }
    },
  };
}

/** A written sheet's shape, from the extents of its chunks. */
export function writtenShape(name: string, ops: Op[], lean: boolean): SheetShape {
  const extents = ops.flatMap((op) => (op.extent?.sheet === name ? [op.extent] : []));
  if (extents.length === 0) return { name, top: 0, left: 0, rows: 0, columns: 0, bytes: 0 };
  const top = Math.min(...extents.map((e) => e.top));
  const left = Math.min(...extents.map((e) => e.left));
  const rows = Math.max(...extents.map((e) => e.bottom)) - top + 1;
  const columns = Math.max(...extents.map((e) => e.right)) - left + 1;
  const bytes = extents.reduce((sum, e) => sum + e.bytes + (lean ? 0 : e.cells * TYPE_AND_FORMAT_BYTES), 0);
  return { name, top, left, rows, columns, bytes };
}
