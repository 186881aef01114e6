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
 *
 * Here the verb; how a sheet's cells are loaded and become a Grid in readCells.ts, how they are read in blocks
 * within the budget in readBlocks.ts, with the estimates of bytes per cell in readEstimates.ts.
 */
import type { Grid, SheetVisibility } from "../../sheet/grid";
import type { ExcelStep } from "../../sheet/hostProblems";
import { HISTORY_MARKER, isHistorySheetName } from "../../domain/followup/historyName";
import { readSheets } from "./readBlocks";
import { emptyRead, toGrid } from "./readCells";
import { Supports, officeSupports } from "./requirements";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog } from "./sync";

export { cellValue, dateFromSerial, isDateFormat } from "./readCells";

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
  /**
   * Whether to read Måltavlan's history (src/domain/followup/history.ts) whole, as consolidation needs it. Otherwise
   * only its A1 is read, which tells it as Måltavlan's: however large the history grows, reading the plan stays as it was.
   */
  history?: boolean;
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
  /** Sheets of which only A1 was read (the history, when not asked for): their Grid is that row alone. */
  onlyA1: string[];
}

export const READ_BUDGET_BYTES = 4_000_000;

/** The workbook's sheets as Grids, in two syncs for workbooks of normal size. */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readWorkbookWithStats(context, options)).grids;
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
  // The history is very hidden and has its own name (or that name with a counter): only A1 tells it for certain.
  const onlyA1 = sheets.map((sheet) =>
    !options.history && sheet.visibility === "VeryHidden" && isHistorySheetName(sheet.name) ? HISTORY_MARKER : null,
  );
  const guess = sheets.map((sheet, i) => (onlyA1[i] ? null : (known.get(sheet.name.toLowerCase()) ?? null)));
  const merges = await readSheets(reads, sheets, sync, {
    lean: readsLean(supports),
    merges: supports("1.13"),
    budget,
    guess,
    onlyA1,
  });
  // A sheet read only in A1 has no shape to tell the next read: that one measures it, if it reads it.
  const whole = reads.filter((read) => !read.onlyA1);

  return {
    grids: reads.map(toGrid),
    sheets: sheets.map((sheet, i) => ({ name: sheet.name, visibility: reads[i].visibility, id: sheet.id })),
    protectedSheets: sheets.filter((sheet) => sheet.protection.protected).map((sheet) => sheet.name),
    syncs,
    shape: whole.map(({ name, top, left, rows, columns, bytes }) => ({ name, top, left, rows, columns, bytes })),
    mergesRead: merges,
    onlyA1: reads.filter((read) => read.onlyA1).map((read) => read.name),
  };
}

/** Whether this Excel reads only values and the special cells (ExcelApi 1.9), not every cell's type and format. */
export function readsLean(supports: Supports = officeSupports): boolean {
  return supports("1.9");
}
