/**
 * The layout of a sheet as ops, one builder per part: column widths, hidden rows, row heights, merged cells, frozen
 * rows.
 */
import { columnName } from "../../../sheet/grid";
import { columnWidthPoints } from "../../../sheet/units";
import { type SheetOpBuilder, cost, sheetOp } from "./op";

export const columnOps: SheetOpBuilder = (spec) =>
  (spec.columnWidths ?? []).map(({ col, width, hidden }) =>
    sheetOp(spec.name, cost(2, hidden ? 2 : 1), (sheet) => {
      const column = sheet.getRange(`${columnName(col)}:${columnName(col)}`);
      column.format.columnWidth = columnWidthPoints(width);
      if (hidden) column.columnHidden = true;
    }),
  );

export const hiddenRowOps: SheetOpBuilder = (spec) =>
  (spec.hiddenRows ?? []).map((row) =>
    sheetOp(spec.name, cost(1, 1), (sheet) => {
      sheet.getRange(`${row + 1}:${row + 1}`).rowHidden = true;
    }),
  );

/**
 * Rows of wrapped text: Excel measures them itself, exactly, in one call over all of them, where a file gets the
 * spec's estimate (and a height per row would be a third of the request). Excel does not fit merged cells, so rows
 * with a merge keep the estimate, set after the fitting.
 */
export const rowOps: SheetOpBuilder = (spec) => {
  const heights = spec.rowHeights ?? [];
  if (!heights.length) return [];
  const merged = mergedRows(spec.merges ?? []);
  const rows = heights.map((h) => h.row);
  const fit = sheetOp(spec.name, cost(2, 1), (sheet) => {
    sheet.getRange(`${Math.min(...rows) + 1}:${Math.max(...rows) + 1}`).format.autofitRows();
  });
  const bands = rowBands(heights.filter((h) => merged.has(h.row))).map(({ first, last, height }) =>
    sheetOp(spec.name, cost(2, 1), (sheet) => {
      sheet.getRange(`${first + 1}:${last + 1}`).format.rowHeight = height;
    }),
  );
  return [fit, ...bands];
};

export const mergeOps: SheetOpBuilder = (spec) =>
  (spec.merges ?? []).map((address) => sheetOp(spec.name, cost(1, 1), (sheet) => sheet.getRange(address).merge(false)));

export const frozenRowOps: SheetOpBuilder = (spec) => {
  const frozen = spec.frozenRows ?? 0;
  return frozen > 0 ? [sheetOp(spec.name, cost(1, 1), (sheet) => sheet.freezePanes.freezeRows(frozen))] : [];
};

/** Consecutive rows of equal height as one band, so a sheet of similar rows costs a few ranges. */
function rowBands(heights: { row: number; height: number }[]): { first: number; last: number; height: number }[] {
  const bands: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const band = bands[bands.length - 1];
    if (band && band.last === row - 1 && band.height === height) band.last = row;
    else bands.push({ first: row, last: row, height });
  }
  return bands;
}

/** The rows (0-based) that merged ranges such as "B1:H2" cover. */
function mergedRows(merges: string[]): Set<number> {
  const rows = new Set<number>();
  for (const address of merges) {
    const [first, last = first] = address.split(":").map((cell) => Number(/\d+/.exec(cell)?.[0]) - 1);
    for (let row = first; row <= last; row++) rows.add(row);
  }
  return rows;
}
