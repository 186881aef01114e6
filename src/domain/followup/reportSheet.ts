import { Grid } from "../../sheet/grid";
import { estimateRowHeights } from "../../sheet/layout";
import { SheetSpec, SpecCell, fitCells } from "../../sheet/spec";
import { OWN_SHEET_MARKER } from "../ownSheets";

/**
 * One sheet of the consolidated report: a title, the marker (in a hidden row), column headers, rows; landscape A4,
 * fit to width.
 */

const header = (value: string): SpecCell => ({ value, bold: true, fill: "DDEBF7", wrap: true });
const title = (value: string): SpecCell => ({ value, bold: true, fontSize: 14 });

/** A2 of every report sheet, in a hidden row: the report can go into the plan workbook and is never read as plan. */
export const REPORT_MARKER = `${OWN_SHEET_MARKER} rapport`;
const marker: SpecCell = { value: REPORT_MARKER, fontSize: 8, fontColor: "A6A6A6" };

/** A sheet of the report, by its marker: what is on it (its charts too) is made anew by every consolidation. */
export function isReportSheet(grid: Grid): boolean {
  return grid.left === 0 && [0, 1].some((row) => grid.values[row - grid.top]?.[0] === REPORT_MARKER);
}

export function reportSheet(
  name: string,
  heading: string,
  headers: string[],
  rows: SpecCell[][],
  widths: number[],
): SheetSpec {
  // An answer longer than a cell holds shows its beginning; consolidation said so where it was typed.
  const all = [[title(heading)], [marker], headers.map(header), ...rows.map(fitCells)];
  return {
    name,
    blocks: [{ top: 0, left: 0, rows: all }],
    columnWidths: widths.map((width, col) => ({ col, width })),
    rowHeights: estimateRowHeights(all.slice(2), widths, 2),
    // The marker is for Måltavlan to read back, never on screen or paper.
    hiddenRows: [1],
    frozenRows: 3,
    print: { orientation: "landscape", paper: "A4", titleRows: "1:3", fitToWidth: true },
  };
}
