/**
 * The Excel host's read verb: the open workbook (Office.js) → one Grid per worksheet, the same Grids the xlsx host
 * reads from a file.
 *
 * Two syncs: the first lists the sheets, the second loads every sheet's used range (values, number formats, value
 * types, position) and its protection at once. Excel on the web refuses a response over 5 MB, and every platform a
 * read of over 5 million cells; only when Excel refuses (the size of the texts is unknown until they are read) the
 * sheets are measured (one more sync) and read in row blocks, as many per sync as fit in about 4 MB by an estimate
 * of bytes per cell that follows what was read so far (see `readInBlocks`).
 *
 * How the Grids compare with the xlsx host's:
 * - Values: numbers, booleans and text as they are; an empty cell (Office.js gives "") is null; an error value
 *   (Office.js gives its text, "#REF!", with value type "Error") is `{ error: "#REF!" }`, while text that merely
 *   reads "#REF!" stays text. Formulas give their result, as in the file's cached value.
 * - Dates: Office.js gives a date as its serial number; ExcelJS gives a Date when the cell's number format is a date
 *   format. `cellValue` converts here with ExcelJS's own rule (`isDateFormat`, 1900 date system), so both hosts give
 *   the same Date.
 * - Number formats: "General" is null, as in the xlsx host.
 * - Merged ranges and hidden rows are not read (the core does not use them, and reading them needs ExcelApi 1.13
 *   and 1.9 and more payload): `merges` and `hiddenRows` are absent from these Grids.
 * - The used range is Office.js's `getUsedRangeOrNullObject(true)` (cells with values or formulas). The xlsx host
 *   also widens it to cover a merged range whose top-left cell has a value; that only adds empty cells.
 */
import type { CellValue, Grid, SheetVisibility } from "../../sheet/grid";
import { DEFAULT_SYNC_TIMEOUT_MS, ExcelHostError, syncWithWatchdog } from "./sync";
import { jsonBytes } from "./units";

export interface ReadOptions {
  timeoutMs?: number;
  /** Estimated bytes of one response when reading in blocks (Excel on the web refuses more than 5 MB). */
  budgetBytes?: number;
}

export interface WorkbookReadResult {
  /** One Grid per worksheet, in workbook order, hidden and very hidden sheets included. */
  grids: Grid[];
  /** The worksheets with their ids, for `writeSheets(…, { existing })` in the same Excel.run. */
  sheets: { name: string; visibility: SheetVisibility; id: string }[];
  /** Names of the sheets that are protected. */
  protectedSheets: string[];
  /** context.sync() calls made: 2 unless a sheet was too large to read at once. */
  syncs: number;
}

export const READ_BUDGET_BYTES = 4_000_000;

/** Codes with which Excel refuses a read that is too large; the read is then retried in row blocks. */
const TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"]);

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** The workbook's sheets as Grids, in two syncs for workbooks of normal size. */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readWorkbookWithStats(context, options)).grids;
}

interface SheetRead {
  name: string;
  visibility: SheetVisibility;
  top: number;
  left: number;
  values: unknown[][];
  formats: unknown[][];
  types: string[][];
}

export async function readWorkbookWithStats(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookReadResult> {
  let syncs = 0;
  const sync = async (what: string) => {
    syncs++;
    await syncWithWatchdog(context, what, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("läsa listan över blad");
  const sheets = worksheets.items;

  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(["values", "numberFormat", "valueTypes", "rowIndex", "columnIndex"]);
    sheet.protection.load("protected");
    return range;
  });
  let reads: SheetRead[];
  try {
    await sync("läsa bladen");
    reads = sheets.map((sheet, i) => {
      const range = used[i];
      const base = { name: sheet.name, visibility: VISIBILITY[sheet.visibility] ?? "visible" };
      if (range.isNullObject) return { ...base, top: 0, left: 0, values: [], formats: [], types: [] };
      return {
        ...base,
        top: range.rowIndex,
        left: range.columnIndex,
        values: range.values,
        formats: range.numberFormat,
        types: range.valueTypes,
      };
    });
  } catch (error) {
    if (!(error instanceof ExcelHostError && TOO_LARGE.has(error.code))) throw error;
    reads = await readInBlocks(sheets, sync, options.budgetBytes ?? READ_BUDGET_BYTES);
  }

  return {
    grids: reads.map(toGrid),
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      visibility: VISIBILITY[sheet.visibility] ?? "visible",
      id: sheet.id,
    })),
    protectedSheets: sheets.filter((sheet) => sheet.protection.protected).map((sheet) => sheet.name),
    syncs,
  };
}

interface Block {
  sheet: number;
  top: number;
  rows: number;
}

/**
 * The fallback for large workbooks: measure every sheet, then read row blocks, as many per sync as the estimate
 * allows. The estimate of bytes per cell starts generous and then follows what the blocks read so far really took
 * (with a margin); a sync that is still refused is retried with the estimate doubled.
 */
async function readInBlocks(
  sheets: Excel.Worksheet[],
  sync: (what: string) => Promise<void>,
  budget: number,
): Promise<SheetRead[]> {
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    sheet.protection.load("protected");
    return range;
  });
  await sync("mäta bladen");

  const reads: SheetRead[] = sheets.map((sheet, i) => {
    const range = used[i];
    const base = { name: sheet.name, visibility: VISIBILITY[sheet.visibility] ?? "visible" };
    if (range.isNullObject) return { ...base, top: 0, left: 0, values: [], formats: [], types: [] };
    const rows = range.rowCount;
    return {
      ...base,
      top: range.rowIndex,
      left: range.columnIndex,
      values: new Array(rows),
      formats: new Array(rows),
      types: new Array(rows),
    };
  });
  const widths = used.map((range) => (range.isNullObject ? 0 : range.columnCount));
  const next = reads.map(() => 0); // per sheet: the first row not read yet
  let bytesPerCell = INITIAL_BYTES_PER_CELL;

  for (;;) {
    const batch = nextBatch(reads, widths, next, bytesPerCell, budget);
    if (batch.length === 0) return reads;
    const ranges = batch.map((block) => {
      const read = reads[block.sheet];
      const range = sheets[block.sheet].getRangeByIndexes(
        read.top + block.top,
        read.left,
        block.rows,
        widths[block.sheet],
      );
      range.load(["values", "numberFormat", "valueTypes"]);
      return range;
    });
    try {
      await sync("läsa bladen i delar");
    } catch (error) {
      const tooLarge = error instanceof ExcelHostError && TOO_LARGE.has(error.code);
      if (!tooLarge || batch.every((block) => block.rows === 1)) throw error;
      // Refused: the texts are longer than estimated. Read these rows again with a larger estimate.
      for (const block of batch) next[block.sheet] = Math.min(next[block.sheet], block.top);
      bytesPerCell *= 2;
      continue;
    }
    let bytes = 0;
    let cells = 0;
    batch.forEach((block, b) => {
      const read = reads[block.sheet];
      const range = ranges[b];
      for (let r = 0; r < block.rows; r++) {
        read.values[block.top + r] = range.values[r];
        read.formats[block.top + r] = range.numberFormat[r];
        read.types[block.top + r] = range.valueTypes[r];
      }
      bytes += jsonBytes([range.values, range.numberFormat, range.valueTypes]);
      cells += block.rows * widths[block.sheet];
    });
    bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytes / cells) * MARGIN);
  }
}

/**
 * Response bytes a cell is assumed to take before any block is read (value, number format and type). Plans take
 * about 30; a larger first guess only makes the first block small, and a refused block is retried at double.
 */
const INITIAL_BYTES_PER_CELL = 64;
const MIN_BYTES_PER_CELL = 24;
/** Safety margin over the bytes per cell seen so far (later rows may hold longer texts). */
const MARGIN = 1.15;

/** The next row blocks, in sheet order, that fit in `budget` at `bytesPerCell` (at least one row per sync). */
function nextBatch(
  reads: SheetRead[],
  widths: number[],
  next: number[],
  bytesPerCell: number,
  budget: number,
): Block[] {
  const batch: Block[] = [];
  let bytes = 0;
  for (let sheet = 0; sheet < reads.length; sheet++) {
    const remaining = reads[sheet].values.length - next[sheet];
    if (remaining <= 0) continue;
    const rowBytes = widths[sheet] * bytesPerCell;
    const fit = Math.floor((budget - bytes) / rowBytes);
    if (fit < 1 && batch.length) break;
    const rows = Math.min(remaining, Math.max(1, fit));
    batch.push({ sheet, top: next[sheet], rows });
    next[sheet] += rows;
    bytes += rows * rowBytes;
    if (rows < remaining) break;
  }
  return batch;
}

function toGrid(read: SheetRead): Grid {
  const formats = read.formats.map((row) => row.map(formatOf));
  return {
    sheet: read.name,
    top: read.top,
    left: read.left,
    values: read.values.map((row, r) => row.map((value, c) => cellValue(value, read.types[r][c], formats[r][c]))),
    formats,
    visibility: read.visibility,
  };
}

function formatOf(format: unknown): string | null {
  return typeof format === "string" && format !== "" && format !== "General" ? format : null;
}

/**
 * One Office.js cell as a Grid value. `type` is the cell's Excel.RangeValueType; `format` its number format (null:
 * General). Error values come as their text with type "Error"; dates as serial numbers with a date format.
 */
export function cellValue(value: unknown, type: string, format: string | null): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? dateFromSerial(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * ExcelJS's rule (utils.isDateFmt), so both hosts agree on which numbers are dates: a format is a date format when,
 * outside quotes and brackets, it has one of the letters y m d h M s b.
 */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial number (1900 date system) as a Date, as ExcelJS converts it. */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
}
