/**
 * The Excel host's read verb: the open workbook (Office.js) → one Grid per worksheet, the same Grids the xlsx host
 * reads from a file.
 *
 * The first sync lists the sheets; the second measures every sheet's used range and, in the same response, reads
 * the sheets' first rows (their windows, windows.ts): all of a workbook within the budget (about 4 MB), in two syncs.
 * What a cell holds takes two things besides its value: whether it is an error value (Office.js gives "#REF!" for
 * both an error and text reading "#REF!") and, for a number, its number format (a date is a number with a date
 * format). On ExcelApi 1.9 the read loads only `values` and asks Range.getSpecialCellsOrNullObject for the cells
 * holding numbers (with their formats) and errors: a third to a half fewer bytes than loading every cell's number
 * format and value type, which older Excel gets (`valueTypes`, `numberFormat`).
 *
 * Excel on the web refuses a response over 5 MB, and every platform a read of over 5 million cells. What the windows
 * leave of a larger workbook is read in blocks, as many per sync as fit in the budget by an estimate of bytes per cell
 * from what the windows read (see `readSheets`): three syncs while the rest fits in one response (the bench's plan of
 * 20 000 uppdrag, 5 MB, takes three), one more per further 3.5 MB. With the shape an earlier read in the session left
 * (`ReadOptions.shape`), the sync that measures reads blocks where the shape says instead: one sync per 3.5 MB.
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
 *   in the used range, loaded in the sync that measures the sheets, so no sync
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
import { type Box, type Dims, type Rect, coverage, windowBoxes, windowRows } from "./windows";

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
  /** context.sync() calls made: 2 while the windows hold every sheet (readSheets), one more per block sync. */
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
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("listSheets");
  const sheets = worksheets.items;
  const reads = sheets.map(emptyRead);

  const known = new Map((options.shape ?? []).map((shape) => [shape.name.toLowerCase(), shape]));
  const guess = sheets.map((sheet) => known.get(sheet.name.toLowerCase()) ?? null);
  const merges = await readSheets(reads, sheets, sync, {
    lean: readsLean(supports),
    merges: supports("1.13"),
    budget,
    guess,
  });

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

/** Records a sheet's loaded merged ranges in its read (`place` keeps them). */
function takeMerges(read: SheetRead, load: MergesLoad): void {
  read.merges = load.ranges();
}

/** What one sync loads about the cells of a range besides their values, and how it lands in a SheetRead. */
interface CellsLoad {
  /** Records the errors and number formats of the cells of `rect` of `read`, whose values are in place. */
  into(read: SheetRead, rect: Rect): void;
  /** Response bytes this load took. */
  bytes(): number;
}

const SEARCHED: Excel.SpecialCellType[] = ["Constants" as Excel.SpecialCellType, "Formulas" as Excel.SpecialCellType];

/**
 * Queues what tells errors and numbers' formats apart for the cells of `range` (whose `values` the caller loads).
 * ExcelApi 1.9: the areas of numbers (with their formats) and of errors within `search`, which covers `range` and
 * no other cell of the used range. Before: every cell's value type and number format.
 */
function loadCells(range: Excel.Range, search: Excel.Range, lean: boolean): CellsLoad {
  if (!lean) {
    range.load(["numberFormat", "valueTypes"]);
    return {
      into(read, { top, left, rows, columns }) {
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < columns; c++) {
            const key = cellKey(top + r, left + c);
            if (range.valueTypes[r][c] === "Error") read.errors.add(key);
            const format = formatOf(range.numberFormat[r][c]);
            if (typeof read.values[top + r][left + c] === "number" && format) read.formats.set(key, format);
          }
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
    into(read, rect) {
      // Only the cells asked for: Excel may widen a search of a single cell to the whole used range.
      const visit = (area: Excel.Range, height: number, width: number, cell: (r: number, c: number) => void) => {
        for (let r = 0; r < height; r++) {
          const row = area.rowIndex - read.top + r;
          if (row < rect.top || row >= rect.top + rect.rows) continue;
          for (let c = 0; c < width; c++) {
            const column = area.columnIndex - read.left + c;
            if (column >= rect.left && column < rect.left + rect.columns) cell(row, column);
          }
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

interface Block extends Rect {
  sheet: number;
}

/** A range loaded with its values and cells, to land in `rect` of its sheet's read once synced. */
interface Loaded {
  range: Excel.Range;
  cells: CellsLoad;
}

/**
 * Reads the sheets. The first sync measures every sheet's used range (with its protection and, with `merges`, its
 * merged ranges: at most 512 areas a sheet, some 40 kB at most, outside the budget) and already reads cells: where
 * an earlier read's shape (`guess`) says a sheet's cells are, blocks of them; of every other sheet, its windows
 * (windows.ts), sized so that the windows of all sheets, full at WINDOW_CELL_BYTES a cell, would fill the budget.
 * The rest follows in blocks, rectangles of whole rows of what is left, as many per sync as fit in `budget` by an
 * estimate of each sheet's bytes per cell from what was read of it (with a margin). A sync that is refused as too
 * large is read again with the estimates doubled; refused windows are not tried again (the cells they held then
 * set the estimate); a sheet that has moved since its shape was taken is read again where it is. Returns whether
 * the merged ranges were read.
 */
async function readSheets(
  reads: SheetRead[],
  sheets: Excel.Worksheet[],
  sync: (step: ExcelStep) => Promise<void>,
  { lean, merges, budget, guess }: { lean: boolean; merges: boolean; budget: number; guess: (SheetShape | null)[] },
): Promise<boolean> {
  const dims: (Dims | null)[] = guess.map((shape) => shape && { ...shape });
  dims.forEach((d, i) => d && place(reads[i], d));
  const pending: Rect[][] = dims.map((d) => (d?.rows ? [whole(d)] : []));
  // Bytes per cell: a sheet's own once enough of it has been read, else what the earlier read found for it, else
  // the average of everything read so far; all of it doubled for every refusal.
  const hinted = guess.map((shape) =>
    shape && shape.rows * shape.columns > 0 ? perCell(shape.bytes, shape.rows * shape.columns) : null,
  );
  const seen = sheets.map(() => ({ bytes: 0, cells: 0 }));
  const total = { bytes: 0, cells: 0 };
  let caution = 1;
  // Windows Excel refused as too large, and the cells they would have held: more than REFUSED_BYTES in all.
  let refusedBoxes: Box[] | null = null;
  let windowCells = 0;
  const estimate = (sheet: number) => {
    const own = seen[sheet];
    const base =
      own.cells >= SAMPLE_CELLS
        ? perCell(own.bytes, own.cells)
        : (hinted[sheet] ??
          (total.cells >= SAMPLE_CELLS
            ? perCell(total.bytes, total.cells)
            : Math.max(INITIAL_BYTES_PER_CELL, perCell(refusedBoxes ? REFUSED_BYTES : 0, windowCells))));
    return base * caution;
  };
  const windowCellBytes = lean ? WINDOW_CELL_BYTES : WINDOW_CELL_BYTES + FULL_READ_CELL_BYTES;

  let first = true;
  for (;;) {
    // The first sync: measures, and reads a window of each sheet whose cells no shape placed.
    const measures = first
      ? sheets.map((sheet) => {
          const used = sheet.getUsedRangeOrNullObject(true);
          used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
          sheet.protection.load("protected");
          return { used, merged: merges ? loadMerges(sheet) : null };
        })
      : null;
    const boxes = windowBoxes(windowRows(budget, windowCellBytes * caution));
    const windows: Loaded[][] = sheets.map((sheet, i) =>
      !first || dims[i] || refusedBoxes
        ? []
        : boxes.map((box) => {
            // A blank sheet's used range is its top-left cell: the window is then that cell, or nothing.
            const area = sheet.getRangeByIndexes(0, box.left, box.rows, box.columns);
            const range = area.getIntersectionOrNullObject(sheet.getUsedRange(true));
            range.load("values");
            return { range, cells: loadCells(range, area, lean) };
          }),
    );
    // The sheets with a shape get the share of the budget their windows would have had.
    const windowBytes = (budget * windows.filter((load) => load.length > 0).length) / sheets.length;
    const batch = nextBatch(pending, estimate, budget - windowBytes, !first);
    if (!first && batch.length === 0) return merges;
    const loads: Loaded[] = batch.map((block) => {
      const { top, left } = dims[block.sheet]!;
      const range = sheets[block.sheet].getRangeByIndexes(
        top + block.top,
        left + block.left,
        block.rows,
        block.columns,
      );
      range.load("values");
      return { range, cells: loadCells(range, range, lean) };
    });
    try {
      await sync(first ? "readSheets" : "readSheetsInParts");
    } catch (error) {
      const tooLarge = error instanceof ExcelHostError && TOO_LARGE.has(error.code);
      batch
        .slice()
        .reverse()
        .forEach(({ sheet, ...rect }) => pending[sheet].unshift(rect));
      if (first && merges && mayBeRefusedMerges(error, TOO_LARGE)) {
        merges = false; // Excel may refuse more than 512 merged areas on a sheet: measure again without them
        continue;
      }
      if (!tooLarge) throw error;
      // Refused: the texts are longer than estimated. Read these cells again with larger estimates; windows too
      // large for a response are not tried again: measured, their cells tell how large the cells at least are.
      if (windows.some((load) => load.length > 0)) refusedBoxes = boxes;
      else if (batch.length === 0 || batch.every((block) => block.rows === 1)) throw error;
      if (batch.length > 0) caution *= 2;
      continue;
    }
    const moved = new Set<number>();
    if (measures) {
      measures.forEach(({ used, merged }, i) => {
        if (merged) takeMerges(reads[i], merged);
        const now = used.isNullObject
          ? { top: 0, left: 0, rows: 0, columns: 0 }
          : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
        const was = dims[i];
        if (was && sameDims(was, now)) return;
        if (was) moved.add(i); // read where the sheet was: read again where it is
        dims[i] = now;
        place(reads[i], now);
        pending[i] = now.rows ? [whole(now)] : [];
        if (refusedBoxes && !was) windowCells += cellsOf(coverage(now, refusedBoxes).read);
        if (!now.rows || !windows[i].length) return;
        const { read, rest } = coverage(now, boxes);
        read.forEach((rect, w) => rect && land(i, windows[i][w], rect));
        pending[i] = rest;
      });
      first = false;
    }
    batch.forEach(({ sheet, ...rect }, b) => moved.has(sheet) || land(sheet, loads[b], rect));
  }

  /** Puts what `loaded` read into `rect` of sheet `i`, and counts its bytes into the estimates. */
  function land(i: number, { range, cells }: Loaded, rect: Rect): void {
    const target = reads[i];
    const values = range.values;
    for (let r = 0; r < rect.rows; r++) {
      if (rect.left === 0 && rect.columns === target.columns) target.values[rect.top + r] = values[r];
      else {
        const row = (target.values[rect.top + r] ??= new Array<unknown>(target.columns).fill(""));
        row.splice(rect.left, rect.columns, ...values[r]);
      }
    }
    cells.into(target, rect);
    const bytes = cellsJsonBytes(values) + cells.bytes();
    target.bytes += bytes;
    for (const tally of [seen[i], total]) {
      tally.bytes += bytes;
      tally.cells += rect.rows * rect.columns;
    }
  }
}

function cellsOf(rects: (Rect | null)[]): number {
  return rects.reduce((sum, rect) => sum + (rect ? rect.rows * rect.columns : 0), 0);
}

function whole({ rows, columns }: Dims): Rect {
  return { top: 0, left: 0, rows, columns };
}

function sameDims(a: Dims, b: Dims): boolean {
  return a.top === b.top && a.left === b.left && a.rows === b.rows && a.columns === b.columns;
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
/** Response bytes a cell of the first read's windows is assumed to take (a plan's table cell: some 16 bytes). */
const WINDOW_CELL_BYTES = 16;
/** What a cell's value type and number format add before ExcelApi 1.9 ("String", "General"). */
const FULL_READ_CELL_BYTES = 20;

/**
 * The next blocks, in sheet order, that fit in `budget` at each sheet's estimated bytes per cell, taking rows of each
 * pending rectangle (`pending` keeps what is left). With `progress`, at least one row.
 */
function nextBatch(pending: Rect[][], estimate: (sheet: number) => number, budget: number, progress: boolean): Block[] {
  const batch: Block[] = [];
  let bytes = 0;
  for (let sheet = 0; sheet < pending.length; sheet++) {
    while (pending[sheet].length > 0) {
      const rect = pending[sheet][0];
      const rowBytes = rect.columns * estimate(sheet);
      const fit = Math.floor((budget - bytes) / rowBytes);
      if (fit < 1 && (batch.length || !progress)) return batch;
      const rows = Math.min(rect.rows, Math.max(1, fit));
      batch.push({ sheet, ...rect, rows });
      bytes += rows * rowBytes;
      if (rows < rect.rows) {
        pending[sheet][0] = { ...rect, top: rect.top + rows, rows: rect.rows - rows };
        return batch;
      }
      pending[sheet].shift();
    }
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
