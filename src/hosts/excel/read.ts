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
 * Excel on the web refuses a response over 5 MB, and every platform a read of over 5 million cells. A workbook that
 * large is read in row blocks, as many per sync as fit in about 4 MB by an estimate of bytes per cell that follows
 * what was read so far (see `readInBlocks`). The size of the texts is unknown until they are read: with the shape an
 * earlier read in the session left (`ReadOptions.shape`), a large workbook goes to blocks at once, the first of them
 * in the sync that measures the sheets; without it, only Excel's refusal of the whole read tells, and one more sync
 * measures the sheets before the blocks.
 *
 * How the Grids compare with the xlsx host's:
 * - Values: numbers, booleans and text as they are; an empty cell (Office.js gives "") is null; an error value is
 *   `{ error: "#REF!" }`, while text that merely reads "#REF!" stays text. Formulas give their result, as in the
 *   file's cached value.
 * - Dates: Office.js gives a date as its serial number; ExcelJS gives a Date when the cell's number format is a date
 *   format. `cellValue` converts here with ExcelJS's own rule (`isDateFormat`, 1900 date system), so both hosts give
 *   the same Date.
 * - Number formats: those of the cells holding numbers (dates included); "General" and every other cell are null.
 * - Merged ranges: on ExcelApi 1.13 (Office 2021 and later, the web, Mac) `merges` holds those whose top-left cell is
 *   in the used range, loaded in the sync that reads the sheets (or measures them, when read in blocks), so no sync
 *   is added (merges.ts). Below 1.13, or when Excel refuses them (more than 512 on a sheet; the read is then tried
 *   once more without them), `merges` is absent and `WorkbookReadResult.mergesRead` is false: the pane says so.
 * - Hidden rows are not read (the core does not use them): `hiddenRows` is absent.
 * - The used range is Office.js's `getUsedRangeOrNullObject(true)` (cells with values or formulas). The xlsx host
 *   also widens it to cover a merged range whose top-left cell has a value; that only adds empty cells.
 */
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../../sheet/grid";
import { type MergesLoad, loadMerges, mayBeRefusedMerges, mergesInUsedRange } from "./merges";
import { Supports, officeSupports } from "./requirements";
import type { ExcelStep } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog } from "./sync";
import { cellsJsonBytes, jsonBytes } from "./units";

export interface ReadOptions {
  timeoutMs?: number;
  /** Estimated bytes of one response when reading in blocks (Excel on the web refuses more than 5 MB). */
  budgetBytes?: number;
  /** Requirement-set check; default `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  supports?: Supports;
  /**
   * What an earlier read in this session learned (`WorkbookReadResult.shape`, or a job's shape after it wrote): a
   * workbook known to be too large for one response is read in blocks from the start, without a refused try.
   */
  shape?: SheetShape[];
}

/** Where a sheet's used range was and how many response bytes reading it took. */
export interface SheetShape {
  name: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
  bytes: number;
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
  /** Each sheet's shape, for the next read's `ReadOptions.shape`. */
  shape: SheetShape[];
  /** Whether the Grids carry their merged ranges (ExcelApi 1.13, and Excel did not refuse them). */
  mergesRead: boolean;
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

interface Dims {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

interface SheetRead extends Dims {
  name: string;
  visibility: SheetVisibility;
  /** Rows of the used range (whose position is `top`, `left`); cells below are relative to it. */
  values: unknown[][];
  /** Number formats of cells holding numbers, by `cellKey`; absent: General. */
  formats: Map<number, string>;
  /** Cells holding an error value, by `cellKey`. */
  errors: Set<number>;
  /** Response bytes reading it took. */
  bytes: number;
  /** Merged ranges on the sheet; null when not read. */
  merges: MergedRange[] | null;
}

/** A cell's key within its sheet's used range (Excel has 16 384 columns). */
function cellKey(row: number, column: number): number {
  return row * 16_384 + column;
}

function emptyRead(sheet: Excel.Worksheet): SheetRead {
  return {
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility] ?? "visible",
    top: 0,
    left: 0,
    rows: 0,
    columns: 0,
    values: [],
    formats: new Map(),
    errors: new Set(),
    bytes: 0,
    merges: null,
  };
}

/** Sets where a sheet's used range is, and clears what was read of it. */
function place(read: SheetRead, dims: Dims): void {
  Object.assign(read, dims, { values: new Array(dims.rows), formats: new Map(), errors: new Set(), bytes: 0 });
}

export async function readWorkbookWithStats(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookReadResult> {
  let syncs = 0;
  const sync = async (step: ExcelStep) => {
    syncs++;
    await syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  };
  const supports = options.supports ?? officeSupports;
  const lean = readsLean(supports);
  let merges = supports("1.13");
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("listSheets");
  const sheets = worksheets.items;
  const reads = sheets.map(emptyRead);

  const known = new Map((options.shape ?? []).map((shape) => [shape.name.toLowerCase(), shape]));
  const guess = sheets.map((sheet) => known.get(sheet.name.toLowerCase()) ?? null);
  // In one response, unless an earlier read of these sheets took more than an eighth over the block budget (4.5 MB
  // of Excel's 5): then the workbook may well have grown past the limit since.
  if (guess.reduce((sum, shape) => sum + (shape?.bytes ?? 0), 0) > budget * 1.125) {
    merges = await readInBlocks(reads, sheets, sync, { lean, merges, budget, guess });
  } else {
    try {
      try {
        await readAtOnce(reads, sheets, sync, lean, merges);
      } catch (error) {
        if (!merges || !mayBeRefusedMerges(error, TOO_LARGE)) throw error;
        merges = false;
        await readAtOnce(reads, sheets, sync, lean, false);
      }
    } catch (error) {
      if (!(error instanceof ExcelHostError && TOO_LARGE.has(error.code))) throw error;
      const refused = error.code === "RangeExceedsLimit" ? 0 : REFUSED_BYTES;
      merges = await readInBlocks(reads, sheets, sync, { lean, merges, budget, refused });
    }
  }

  return {
    grids: reads.map(toGrid),
    sheets: sheets.map((sheet, i) => ({ name: sheet.name, visibility: reads[i].visibility, id: sheet.id })),
    protectedSheets: sheets.filter((sheet) => sheet.protection.protected).map((sheet) => sheet.name),
    syncs,
    shape: reads.map(({ name, top, left, rows, columns, bytes }) => ({ name, top, left, rows, columns, bytes })),
    mergesRead: merges,
  };
}

/** Whether this Excel reads only values and the special cells (ExcelApi 1.9), not every cell's type and format. */
export function readsLean(supports: Supports = officeSupports): boolean {
  return supports("1.9");
}

/** Every sheet's used range (and, with `merges`, its merged ranges) in one sync. */
async function readAtOnce(
  reads: SheetRead[],
  sheets: Excel.Worksheet[],
  sync: (step: ExcelStep) => Promise<void>,
  lean: boolean,
  merges: boolean,
): Promise<void> {
  const loads = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["values", "rowIndex", "columnIndex"]);
    sheet.protection.load("protected");
    // The whole sheet, not `used`: methods of what may be a null object are not called.
    return { used, cells: loadCells(used, sheet.getRange(), lean), merged: merges ? loadMerges(sheet) : null };
  });
  await sync("readSheets");
  loads.forEach(({ used, cells, merged }, i) => {
    if (merged) takeMerges(reads[i], merged);
    if (used.isNullObject) return;
    const values = used.values;
    place(reads[i], { top: used.rowIndex, left: used.columnIndex, rows: values.length, columns: values[0].length });
    reads[i].values = values;
    cells.into(reads[i], 0, values.length);
    reads[i].bytes = cellsJsonBytes(values) + cells.bytes();
  });
}

/** Records a sheet's loaded merged ranges in its read (`place` keeps them). */
function takeMerges(read: SheetRead, load: MergesLoad): void {
  read.merges = load.ranges();
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
      bytes: () => cellsJsonBytes(range.numberFormat) + cellsJsonBytes(range.valueTypes) + 3, // [a,b]
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
 * Reads the sheets in row blocks, as many per sync as fit in `budget` by an estimate of each sheet's bytes per cell,
 * which follows what was read so far (with a margin); a sync that is still refused is retried with the estimates
 * doubled.
 *
 * Where the used ranges are: with `guess` (an earlier read's shape), the first sync measures them and already reads
 * blocks where the guess says; a sheet that has changed since is read again from its first row. Without it (after a
 * read refused as too large), one sync measures first; `refused` is what that response at least took, so the cells
 * are at least that large on average. With `merges`, the sync that measures also loads the merged ranges (at most 512
 * areas a sheet, some 40 kB at most, outside the budget); returns whether they were read.
 */
async function readInBlocks(
  reads: SheetRead[],
  sheets: Excel.Worksheet[],
  sync: (step: ExcelStep) => Promise<void>,
  {
    lean,
    merges,
    budget,
    guess,
    refused = 0,
  }: { lean: boolean; merges: boolean; budget: number; guess?: (SheetShape | null)[]; refused?: number },
): Promise<boolean> {
  const dims: (Dims | null)[] = sheets.map((_, i) => guess?.[i] ?? null);
  dims.forEach((d, i) => d && place(reads[i], d));
  // Bytes per cell: a sheet's own once enough of it has been read, else what the earlier read found for it, else
  // the average of everything read so far; all of it doubled for every refusal.
  const hinted = sheets.map((_, i) => {
    const shape = guess?.[i];
    return shape && shape.rows * shape.columns > 0 ? perCell(shape.bytes, shape.rows * shape.columns) : null;
  });
  const seen = sheets.map(() => ({ bytes: 0, cells: 0 }));
  const total = { bytes: 0, cells: 0 };
  // Before anything is read: cautious, and no less than the refused read says (once the sheets are measured).
  const initial = () => {
    const cells = reads.reduce((sum, read) => sum + read.rows * read.columns, 0);
    return Math.max(INITIAL_BYTES_PER_CELL, perCell(refused, cells));
  };
  let caution = 1;
  const estimate = (sheet: number) => {
    const own = seen[sheet];
    const base =
      own.cells >= SAMPLE_CELLS
        ? perCell(own.bytes, own.cells)
        : (hinted[sheet] ?? (total.cells >= SAMPLE_CELLS ? perCell(total.bytes, total.cells) : initial()));
    return base * caution;
  };

  let measuring: { used: Excel.Range; merged: MergesLoad | null }[] | null = null;
  const measure = () => {
    measuring = sheets.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      sheet.protection.load("protected");
      return { used, merged: merges ? loadMerges(sheet) : null };
    });
  };
  /** A sync that measured failed: whether to measure again without the merged ranges, which Excel may have refused. */
  const dropMerges = (error: unknown): boolean => {
    if (!measuring || !merges || !mayBeRefusedMerges(error, TOO_LARGE)) return false;
    merges = false;
    measure();
    return true;
  };
  /** The measured used ranges; the sheets whose range is not where it was taken to be start again. */
  const measured = (measures: NonNullable<typeof measuring>): Set<number> => {
    const moved = new Set<number>();
    measures.forEach(({ used: range, merged }, i) => {
      if (merged) takeMerges(reads[i], merged);
      const now = range.isNullObject
        ? { top: 0, left: 0, rows: 0, columns: 0 }
        : { top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
      const was = dims[i];
      if (was && was.top === now.top && was.left === now.left && was.rows === now.rows && was.columns === now.columns)
        return;
      moved.add(i);
      dims[i] = now;
      place(reads[i], now);
    });
    return moved;
  };

  const next = reads.map(() => 0); // per sheet: the first row not read yet
  measure();
  if (!guess) {
    try {
      await sync("measureSheets");
    } catch (error) {
      if (!dropMerges(error)) throw error;
      await sync("measureSheets");
    }
    measured(measuring!);
    measuring = null;
  }
  for (;;) {
    const batch = nextBatch(dims, next, estimate, budget);
    if (batch.length === 0 && !measuring) return merges;
    const loads = batch.map((block) => {
      const { top, left, columns } = dims[block.sheet]!;
      const range = sheets[block.sheet].getRangeByIndexes(top + block.top, left, block.rows, columns);
      range.load("values");
      return { range, cells: loadCells(range, range, lean) };
    });
    try {
      await sync("readSheetsInParts");
    } catch (error) {
      const tooLarge = error instanceof ExcelHostError && TOO_LARGE.has(error.code);
      for (const block of batch) next[block.sheet] = Math.min(next[block.sheet], block.top);
      if (dropMerges(error)) continue;
      if (!tooLarge || batch.every((block) => block.rows === 1)) throw error;
      // Refused: the texts are longer than estimated. Read these rows again with larger estimates.
      caution *= 2;
      if (measuring) measure();
      continue;
    }
    const moved = measuring ? measured(measuring) : new Set<number>();
    measuring = null;
    batch.forEach((block, b) => {
      if (moved.has(block.sheet)) return; // read where the sheet was: read again where it is
      const target = reads[block.sheet];
      const { range, cells: load } = loads[b];
      for (let r = 0; r < block.rows; r++) target.values[block.top + r] = range.values[r];
      load.into(target, block.top, block.rows);
      const bytes = cellsJsonBytes(range.values) + load.bytes();
      target.bytes += bytes;
      for (const tally of [seen[block.sheet], total]) {
        tally.bytes += bytes;
        tally.cells += block.rows * target.columns;
      }
    });
    for (const sheet of moved) next[sheet] = 0;
  }
}

/** Bytes per cell, with the margin (later rows may hold longer texts). */
function perCell(bytes: number, cells: number): number {
  return Math.max(MIN_BYTES_PER_CELL, (bytes / Math.max(1, cells)) * MARGIN);
}

/** What a response refused by size at least took: Excel on the web refuses over 5 MB. */
const REFUSED_BYTES = 5_000_000;
/** Response bytes a cell is assumed to take when nothing says more (plans take about 15 to 35). */
const INITIAL_BYTES_PER_CELL = 64;
const MIN_BYTES_PER_CELL = 4;
/** Cells read before their bytes per cell are taken as the sheet's (a title row says little of the rows below). */
const SAMPLE_CELLS = 2_000;
/** Safety margin over the bytes per cell seen so far. */
const MARGIN = 1.15;

/**
 * The next row blocks, in sheet order, that fit in `budget` at each sheet's estimated bytes per cell (at least one
 * row per sync). Sheets whose used range is not known yet are left for later.
 */
function nextBatch(
  dims: (Dims | null)[],
  next: number[],
  estimate: (sheet: number) => number,
  budget: number,
): Block[] {
  const batch: Block[] = [];
  let bytes = 0;
  for (let sheet = 0; sheet < dims.length; sheet++) {
    const remaining = (dims[sheet]?.rows ?? 0) - next[sheet];
    if (remaining <= 0) continue;
    const rowBytes = dims[sheet]!.columns * estimate(sheet);
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
  const grid: Grid = { sheet: read.name, top: read.top, left: read.left, values, formats, visibility: read.visibility };
  if (read.merges) grid.merges = mergesInUsedRange(read.merges, read);
  return grid;
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
