/**
 * The Excel host's read verb: the open workbook (Office.js) → one Grid per worksheet, the same Grids the xlsx host
 * reads from a file.
 *
 * Two syncs: the first lists the sheets, the second loads every sheet's used range and its protection at once.
 * What a cell holds takes two things besides its value: whether it is an error value (Office.js gives "#REF!" for
 * both an error and text reading "#REF!") and, for a number, its number format (a date is a number with a date
 * format). On ExcelApi 1.9 the read loads only `values` and asks Range.getSpecialCellsOrNullObject for the cells
 * holding numbers (with their formats) and errors: a third to a half fewer bytes than loading every cell's number
 * format and value type, which older Excel gets (`valueTypes`, `numberFormat`).
 *
 * Excel on the web refuses a response over 5 MB, and every platform a read of over 5 million cells; only when Excel
 * refuses (the size of the texts is unknown until they are read) the sheets are measured (one more sync) and read in
 * row blocks, as many per sync as fit in about 4 MB by an estimate of bytes per cell that follows what was read so
 * far (see `readInBlocks`).
 *
 * How the Grids compare with the xlsx host's:
 * - Values: numbers, booleans and text as they are; an empty cell (Office.js gives "") is null; an error value is
 *   `{ error: "#REF!" }`, while text that merely reads "#REF!" stays text. Formulas give their result, as in the
 *   file's cached value.
 * - Dates: Office.js gives a date as its serial number; ExcelJS gives a Date when the cell's number format is a date
 *   format. `cellValue` converts here with ExcelJS's own rule (`isDateFormat`, 1900 date system), so both hosts give
 *   the same Date.
 * - Number formats: those of the cells holding numbers (dates included); "General" and every other cell are null.
 * - Merged ranges and hidden rows are not read (the core does not use them, and reading them needs ExcelApi 1.13
 *   and 1.9 and more payload): `merges` and `hiddenRows` are absent from these Grids.
 * - The used range is Office.js's `getUsedRangeOrNullObject(true)` (cells with values or formulas). The xlsx host
 *   also widens it to cover a merged range whose top-left cell has a value; that only adds empty cells.
 */
import type { CellValue, Grid, SheetVisibility } from "../../sheet/grid";
import { Supports, officeSupports } from "./requirements";
import { DEFAULT_SYNC_TIMEOUT_MS, ExcelHostError, syncWithWatchdog } from "./sync";
import { jsonBytes } from "./units";

export interface ReadOptions {
  timeoutMs?: number;
  /** Estimated bytes of one response when reading in blocks (Excel on the web refuses more than 5 MB). */
  budgetBytes?: number;
  /** Requirement-set check; default `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  supports?: Supports;
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
  /** Position of the used range; cells below are relative to it. */
  top: number;
  left: number;
  values: unknown[][];
  /** Number formats of cells holding numbers, by `cellKey`; absent: General. */
  formats: Map<number, string>;
  /** Cells holding an error value, by `cellKey`. */
  errors: Set<number>;
}

/** A cell's key within its sheet's used range (Excel has 16 384 columns). */
function cellKey(row: number, column: number): number {
  return row * 16_384 + column;
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
  const lean = (options.supports ?? officeSupports)("1.9");

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("läsa listan över blad");
  const sheets = worksheets.items;
  const emptyRead = (sheet: Excel.Worksheet): SheetRead => ({
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility] ?? "visible",
    top: 0,
    left: 0,
    values: [],
    formats: new Map(),
    errors: new Set(),
  });

  const whole = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["values", "rowIndex", "columnIndex"]);
    sheet.protection.load("protected");
    // The whole sheet, not `used`: methods of what may be a null object are not called.
    return { used, cells: loadCells(used, sheet.getRange(), lean) };
  });
  let reads: SheetRead[];
  try {
    await sync("läsa bladen");
    reads = sheets.map((sheet, i) => {
      const { used, cells } = whole[i];
      const read = emptyRead(sheet);
      if (used.isNullObject) return read;
      read.top = used.rowIndex;
      read.left = used.columnIndex;
      read.values = used.values;
      cells.into(read, 0, read.values.length);
      return read;
    });
  } catch (error) {
    if (!(error instanceof ExcelHostError && TOO_LARGE.has(error.code))) throw error;
    const bySize = error.code !== "RangeExceedsLimit";
    reads = await readInBlocks(sheets.map(emptyRead), sheets, sync, {
      lean,
      bySize,
      budget: options.budgetBytes ?? READ_BUDGET_BYTES,
    });
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

/** What one sync loads about the cells of a range besides their values, and how it lands in a SheetRead. */
interface CellsLoad {
  /**
   * Records the errors and number formats of rows `from`…`from + rows - 1` of `read` (relative to its used range),
   * whose values are in place.
   */
  into(read: SheetRead, from: number, rows: number): void;
  /** Response bytes this load took. */
  bytes(): number;
}

const SEARCHED: Excel.SpecialCellType[] = ["Constants" as Excel.SpecialCellType, "Formulas" as Excel.SpecialCellType];

/**
 * Queues what tells errors and numbers' formats apart for the cells of `range` (whose `values` the caller loads).
 * ExcelApi 1.9: the areas of numbers (with their formats) and of errors within `search`, which covers `range`.
 * Before: every cell's value type and number format.
 */
function loadCells(range: Excel.Range, search: Excel.Range, lean: boolean): CellsLoad {
  if (!lean) {
    range.load(["numberFormat", "valueTypes"]);
    return {
      into(read, from, rows) {
        for (let r = 0; r < rows; r++) {
          read.values[from + r].forEach((value, c) => {
            if (range.valueTypes[r][c] === "Error") read.errors.add(cellKey(from + r, c));
            const format = formatOf(range.numberFormat[r][c]);
            if (typeof value === "number" && format) read.formats.set(cellKey(from + r, c), format);
          });
        }
      },
      bytes: () => jsonBytes([range.numberFormat, range.valueTypes]),
    };
  }
  const areasOf = (valueType: string, properties: string) =>
    SEARCHED.map((cellType) => {
      const found = search.getSpecialCellsOrNullObject(cellType, valueType as Excel.SpecialCellValueType);
      // eslint-disable-next-line office-addins/no-empty-load -- `properties` names them (the rule sees a variable)
      found.load(properties);
      return found;
    });
  const numbers = areasOf("Numbers", "areas/items/rowIndex,areas/items/columnIndex,areas/items/numberFormat");
  const errors = areasOf(
    "Errors",
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount",
  );
  const areas = (found: Excel.RangeAreas[]) => found.flatMap((f) => (f.isNullObject ? [] : f.areas.items));
  return {
    into(read, from, rows) {
      // Only the rows asked for: Excel may widen a search of a single cell to the whole used range.
      const visit = (area: Excel.Range, height: number, width: number, cell: (r: number, c: number) => void) => {
        for (let r = 0; r < height; r++) {
          const row = area.rowIndex - read.top + r;
          if (row < from || row >= from + rows) continue;
          for (let c = 0; c < width; c++) cell(row, area.columnIndex - read.left + c);
        }
      };
      for (const area of areas(errors)) {
        visit(area, area.rowCount, area.columnCount, (row, column) => read.errors.add(cellKey(row, column)));
      }
      for (const area of areas(numbers)) {
        const formats = area.numberFormat;
        visit(area, formats.length, formats[0]?.length ?? 0, (row, column) => {
          const format = formatOf(formats[row - (area.rowIndex - read.top)][column - (area.columnIndex - read.left)]);
          if (format) read.formats.set(cellKey(row, column), format);
        });
      }
    },
    bytes: () => jsonBytes([...areas(numbers), ...areas(errors)].map((area) => area.toJSON())),
  };
}

interface Block {
  sheet: number;
  top: number;
  rows: number;
}

/**
 * The fallback for large workbooks: measure every sheet, then read row blocks, as many per sync as the estimate
 * allows. The estimate of bytes per cell starts cautious, and no lower than what the refused read implies (`bySize`:
 * its response was over 5 MB; else it had too many cells), then follows what the blocks read so far really took
 * (with a margin); a sync that is still refused is retried with the estimate doubled.
 */
async function readInBlocks(
  reads: SheetRead[],
  sheets: Excel.Worksheet[],
  sync: (what: string) => Promise<void>,
  { lean, bySize, budget }: { lean: boolean; bySize: boolean; budget: number },
): Promise<SheetRead[]> {
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    sheet.protection.load("protected");
    return range;
  });
  await sync("mäta bladen");

  used.forEach((range, i) => {
    if (range.isNullObject) return;
    reads[i].top = range.rowIndex;
    reads[i].left = range.columnIndex;
    reads[i].values = new Array(range.rowCount);
  });
  const widths = used.map((range) => (range.isNullObject ? 0 : range.columnCount));
  const next = reads.map(() => 0); // per sheet: the first row not read yet
  const cells = reads.reduce((sum, read, i) => sum + read.values.length * widths[i], 0);
  // A refused response was over 5 MB: the cells take at least that much on average. More may be longer still, so
  // the first block is cautious; the blocks after it follow what was read.
  const refused = bySize ? (REFUSED_BYTES / Math.max(1, cells)) * MARGIN : 0;
  let bytesPerCell = Math.max(INITIAL_BYTES_PER_CELL, refused);

  for (;;) {
    const batch = nextBatch(reads, widths, next, bytesPerCell, budget);
    if (batch.length === 0) return reads;
    const loads = batch.map((block) => {
      const read = reads[block.sheet];
      const sheet = sheets[block.sheet];
      const range = sheet.getRangeByIndexes(read.top + block.top, read.left, block.rows, widths[block.sheet]);
      range.load("values");
      return { range, cells: loadCells(range, range, lean) };
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
    let read = 0;
    batch.forEach((block, b) => {
      const target = reads[block.sheet];
      const { range, cells: load } = loads[b];
      for (let r = 0; r < block.rows; r++) target.values[block.top + r] = range.values[r];
      load.into(target, block.top, block.rows);
      bytes += jsonBytes(range.values) + load.bytes();
      read += block.rows * widths[block.sheet];
    });
    bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytes / read) * MARGIN);
  }
}

/** What a response refused by size at least took: Excel on the web refuses over 5 MB. */
const REFUSED_BYTES = 5_000_000;
/** Response bytes a cell is assumed to take when nothing says more (plans take about 15 to 35). */
const INITIAL_BYTES_PER_CELL = 64;
const MIN_BYTES_PER_CELL = 4;
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
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  read.values.forEach((row, r) => {
    const formatRow = row.map((value, c) =>
      typeof value === "number" ? (read.formats.get(cellKey(r, c)) ?? null) : null,
    );
    formats.push(formatRow);
    values.push(row.map((value, c) => cellValue(value, read.errors.has(cellKey(r, c)), formatRow[c])));
  });
  return { sheet: read.name, top: read.top, left: read.left, values, formats, visibility: read.visibility };
}

function formatOf(format: unknown): string | null {
  return typeof format === "string" && format !== "" && format !== "General" ? format : null;
}

/**
 * One Office.js cell as a Grid value. `isError`: the cell holds an error value, which Office.js gives as its text;
 * `format` its number format (null: General). Dates come as serial numbers with a date format.
 */
export function cellValue(value: unknown, isError: boolean, format: string | null): CellValue {
  if (isError) return { error: String(value) };
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
