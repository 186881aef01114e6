/**
 * How many response bytes a cell of each sheet is expected to take, so that the reads in blocks (readBlocks.ts) fill
 * each response up to the budget without going over: a sheet's own figure once enough of it has been read, else what
 * the earlier read found for it, else the average of everything read so far; all of it with a margin, and doubled
 * for every refusal.
 */
import type { SheetShape } from "./read";
import { type Box, type Dims, type Rect, coverage } from "./windows";

/** What a response refused by size at least took: Excel on the web refuses over 5 MB. */
const REFUSED_BYTES = 5_000_000;
/** Response bytes a cell is assumed to take when nothing says more (plans take about 15 to 35). */
const INITIAL_BYTES_PER_CELL = 64;
const MIN_BYTES_PER_CELL = 4;
/** Cells read before their bytes per cell are taken as the sheet's (a title row says little of the rows below). */
const SAMPLE_CELLS = 2_000;
/** Safety margin over the bytes per cell seen so far. */
const MARGIN = 1.15;

export class CellBytes {
  /** Doubled for every response refused as too large. */
  caution = 1;
  /** Windows Excel refused as too large (the cells they would have held took more than REFUSED_BYTES in all). */
  refusedWindows: Box[] | null = null;
  private refusedCells = 0;
  private readonly hinted: (number | null)[];
  private readonly seen: { bytes: number; cells: number }[];
  private readonly total = { bytes: 0, cells: 0 };

  /** `guess`: per sheet, the shape an earlier read left, if any. */
  constructor(guess: (SheetShape | null)[]) {
    this.hinted = guess.map((shape) =>
      shape && shape.rows * shape.columns > 0 ? perCell(shape.bytes, shape.rows * shape.columns) : null,
    );
    this.seen = guess.map(() => ({ bytes: 0, cells: 0 }));
  }

  /** Estimated response bytes of a cell of `sheet`. */
  estimate(sheet: number): number {
    const own = this.seen[sheet];
    const base =
      own.cells >= SAMPLE_CELLS
        ? perCell(own.bytes, own.cells)
        : (this.hinted[sheet] ??
          (this.total.cells >= SAMPLE_CELLS
            ? perCell(this.total.bytes, this.total.cells)
            : Math.max(INITIAL_BYTES_PER_CELL, perCell(this.refusedWindows ? REFUSED_BYTES : 0, this.refusedCells))));
    return base * this.caution;
  }

  /** Counts what reading `cells` cells of `sheet` took. */
  count(sheet: number, bytes: number, cells: number): void {
    for (const tally of [this.seen[sheet], this.total]) {
      tally.bytes += bytes;
      tally.cells += cells;
    }
  }

  /** Counts the cells a newly measured sheet had in the refused windows. */
  measured(dims: Dims): void {
    if (this.refusedWindows) this.refusedCells += cellsOf(coverage(dims, this.refusedWindows).read);
  }
}

/** Bytes per cell, with the margin (later rows may hold longer texts). */
function perCell(bytes: number, cells: number): number {
  return Math.max(MIN_BYTES_PER_CELL, (bytes / Math.max(1, cells)) * MARGIN);
}

function cellsOf(rects: (Rect | null)[]): number {
  return rects.reduce((sum, rect) => sum + (rect ? rect.rows * rect.columns : 0), 0);
}
