/**
 * Reading the sheets' cells within the response budget: in the first sync, with the measuring of every sheet, its
 * windows (windows.ts) or the blocks an earlier shape placed; then the rest in blocks, as many per sync as the budget
 * holds by each sheet's estimated bytes per cell (readEstimates.ts).
 */
import type { ExcelStep } from "../../sheet/hostProblems";
import { type MergesLoad, loadMerges, mayBeRefusedMerges } from "./merges";
import { ExcelHostError } from "./problems";
import type { SheetShape } from "./read";
import { type CellsLoad, type SheetRead, loadCells, place } from "./readCells";
import { CellBytes } from "./readEstimates";
import { cellsJsonBytes } from "./units";
import { type Box, type Dims, type Rect, coverage, windowBoxes, windowRows } from "./windows";

/** Codes with which Excel refuses a read that is too large; the read is then retried in row blocks. */
const TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/** Response bytes a cell of the first read's windows is assumed to take (a plan's table cell: some 16 bytes). */
const WINDOW_CELL_BYTES = 16;
/** What a cell's value type and number format add before ExcelApi 1.9 ("String", "General"). */
const FULL_READ_CELL_BYTES = 20;

interface Block extends Rect {
  sheet: number;
}

/** A range loaded with its values and cells, to land in `rect` of its sheet's read once synced. */
interface Loaded {
  range: Excel.Range;
  cells: CellsLoad;
}

/** A sheet's used range and merged ranges, loaded in the first sync. */
interface Measure {
  used: Excel.Range;
  merged: MergesLoad | null;
}

export interface BlockReadOptions {
  /** Whether this Excel reads only values and the special cells (`readsLean`). */
  lean: boolean;
  /** Whether to load the merged ranges (ExcelApi 1.13). */
  merges: boolean;
  /** Estimated bytes of one response. */
  budget: number;
  /** Per sheet, the shape an earlier read in the session left, if any. */
  guess: (SheetShape | null)[];
  /**
   * Per sheet, the marker in A1 of a sheet of which only A1 is read (Måltavlan's history, when the job does not need
   * it); null: read it all. A sheet whose A1 holds something else is read all the same.
   */
  onlyA1?: (string | null)[];
}

/** A sheet read only in A1: its window. */
const A1_BOX: Box = { rows: 1, left: 0, columns: 1 };

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
export async function readSheets(
  reads: SheetRead[],
  sheets: Excel.Worksheet[],
  sync: (step: ExcelStep) => Promise<void>,
  options: BlockReadOptions,
): Promise<boolean> {
  return new SheetsReader(reads, sheets, options).read(sync);
}

/** What is known of each sheet while it is read: where its used range is, and which of its rows are left to read. */
class SheetsReader {
  private readonly dims: (Dims | null)[];
  private readonly pending: Rect[][];
  private readonly bytes: CellBytes;
  private readonly windowCellBytes: number;
  private merges: boolean;

  constructor(
    private readonly reads: SheetRead[],
    private readonly sheets: Excel.Worksheet[],
    private readonly options: BlockReadOptions,
  ) {
    this.dims = options.guess.map((shape) => shape && { ...shape });
    this.dims.forEach((d, i) => d && place(reads[i], d));
    this.pending = this.dims.map((d) => (d?.rows ? [whole(d)] : []));
    this.bytes = new CellBytes(options.guess);
    this.windowCellBytes = options.lean ? WINDOW_CELL_BYTES : WINDOW_CELL_BYTES + FULL_READ_CELL_BYTES;
    this.merges = options.merges;
  }

  /** Reads every sheet; returns whether the merged ranges were read. */
  async read(sync: (step: ExcelStep) => Promise<void>): Promise<boolean> {
    const { budget } = this.options;
    let first = true;
    for (;;) {
      // The first sync: measures, and reads a window of each sheet whose cells no shape placed.
      const measures = first ? this.queueMeasures() : null;
      const boxes = windowBoxes(windowRows(budget, this.windowCellBytes * this.bytes.caution));
      const windows = first ? this.queueWindows(boxes) : this.sheets.map(() => []);
      // The sheets with a shape get the share of the budget their windows would have had.
      const windowBytes = (budget * windows.filter((load) => load.length > 0).length) / this.sheets.length;
      const batch = nextBatch(this.pending, (sheet) => this.bytes.estimate(sheet), budget - windowBytes, !first);
      if (!first && batch.length === 0) return this.merges;
      const loads = this.queueBlocks(batch);
      try {
        await sync(first ? "readSheets" : "readSheetsInParts");
      } catch (error) {
        this.refused(error, batch, first, windows.some((load) => load.length > 0) ? boxes : null);
        continue;
      }
      const moved = measures ? this.takeMeasures(measures, windows, boxes) : new Set<number>();
      first = false;
      batch.forEach(({ sheet, ...rect }, b) => moved.has(sheet) || this.land(sheet, loads[b], rect));
    }
  }

  private queueMeasures(): Measure[] {
    return this.sheets.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      sheet.protection.load("protected");
      return { used, merged: this.merges ? loadMerges(sheet) : null };
    });
  }

  /** The boxes of sheet `i`'s windows: A1 alone of a sheet read only there. */
  private boxesOf(i: number, boxes: Box[]): Box[] {
    return this.options.onlyA1?.[i] ? [A1_BOX] : boxes;
  }

  /** The windows of each sheet whose cells no shape placed, unless windows were refused before. */
  private queueWindows(boxes: Box[]): Loaded[][] {
    return this.sheets.map((sheet, i) =>
      this.dims[i] || this.bytes.refusedWindows
        ? []
        : this.boxesOf(i, boxes).map((box) => {
            // A blank sheet's used range is its top-left cell: the window is then that cell, or nothing.
            const area = sheet.getRangeByIndexes(0, box.left, box.rows, box.columns);
            const range = area.getIntersectionOrNullObject(sheet.getUsedRange(true));
            range.load("values");
            return { range, cells: loadCells(range, area, this.options.lean) };
          }),
    );
  }

  private queueBlocks(batch: Block[]): Loaded[] {
    return batch.map((block) => {
      const { top, left } = this.dims[block.sheet]!;
      const range = this.sheets[block.sheet].getRangeByIndexes(
        top + block.top,
        left + block.left,
        block.rows,
        block.columns,
      );
      range.load("values");
      return { range, cells: loadCells(range, range, this.options.lean) };
    });
  }

  /**
   * After a refused sync: its blocks go back to be read again, without the merged ranges when Excel may have refused
   * those, else (when refused as too large) with larger estimates; `windows` are the windows refused, if any.
   */
  private refused(error: unknown, batch: Block[], first: boolean, windows: Box[] | null): void {
    const tooLarge = error instanceof ExcelHostError && TOO_LARGE.has(error.code);
    batch
      .slice()
      .reverse()
      .forEach(({ sheet, ...rect }) => this.pending[sheet].unshift(rect));
    if (first && this.merges && mayBeRefusedMerges(error, TOO_LARGE)) {
      this.merges = false; // Excel may refuse more than 512 merged areas on a sheet: measure again without them
      return;
    }
    if (!tooLarge) throw error;
    // Refused: the texts are longer than estimated. Read these cells again with larger estimates; windows too
    // large for a response are not tried again: measured, their cells tell how large the cells at least are.
    if (windows) this.bytes.refusedWindows = windows;
    else if (batch.length === 0 || batch.every((block) => block.rows === 1)) throw error;
    if (batch.length > 0) this.bytes.caution *= 2;
  }

  /**
   * Places each sheet where the first sync measured it, with what its windows read; what is left is pending.
   * Returns the sheets that have moved since their shape was taken: what was read of them is read again.
   */
  private takeMeasures(measures: Measure[], windows: Loaded[][], boxes: Box[]): Set<number> {
    const moved = new Set<number>();
    measures.forEach(({ used, merged }, i) => {
      if (merged) this.reads[i].merges = merged.ranges();
      const now = used.isNullObject
        ? { top: 0, left: 0, rows: 0, columns: 0 }
        : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
      const was = this.dims[i];
      if (was && sameDims(was, now)) return;
      if (was) moved.add(i); // read where the sheet was: read again where it is
      this.dims[i] = now;
      place(this.reads[i], now);
      this.pending[i] = now.rows ? [whole(now)] : [];
      if (!was) this.bytes.measured(now);
      if (!now.rows || !windows[i].length) return;
      const { read, rest } = coverage(now, this.boxesOf(i, boxes));
      read.forEach((rect, w) => rect && this.land(i, windows[i][w], rect));
      const marker = this.options.onlyA1?.[i];
      // Read only in A1 when A1 holds the marker: the Grid is then that one row (toGrid skips the rows not read).
      const marked = marker && now.top === 0 && now.left === 0 && this.reads[i].values[0]?.[0] === marker;
      this.pending[i] = marked ? [] : rest;
      if (marked) this.reads[i].onlyA1 = true;
    });
    return moved;
  }

  /** Puts what `loaded` read into `rect` of sheet `i`, and counts its bytes into the estimates. */
  private land(i: number, { range, cells }: Loaded, rect: Rect): void {
    const target = this.reads[i];
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
    this.bytes.count(i, bytes, rect.rows * rect.columns);
  }
}

function whole({ rows, columns }: Dims): Rect {
  return { top: 0, left: 0, rows, columns };
}

function sameDims(a: Dims, b: Dims): boolean {
  return a.top === b.top && a.left === b.left && a.rows === b.rows && a.columns === b.columns;
}

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
