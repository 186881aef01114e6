import { Grid, cellName } from "../../sheet/grid";
import { estimateRowHeights } from "../../sheet/layout";
import { PRINT_MARGINS, printScale } from "../../sheet/print";
import { PrintFooter, PrintSetup, SheetSpec, SpecCell, fitCells } from "../../sheet/spec";
import { OWN_SHEET_MARKER } from "../ownSheets";

/**
 * One sheet of the consolidated report: a title, the marker (in a hidden row), column headers, rows; A4, in portrait
 * where the columns fit it at full size and otherwise landscape fitted to the width, the title and the headers on
 * every page, "Sida x av y" at the foot; every cell at the top of its row, so that a row with wrapped text reads across.
 */

const header = (value: string): SpecCell => ({ value, bold: true, fill: "DDEBF7", wrap: true });
const title = (value: string): SpecCell => ({ value, bold: true, fontSize: 14 });

/** A2 of every report sheet, in a hidden row: the report can go into the plan workbook and is never read as plan. */
export const REPORT_MARKER = `${OWN_SHEET_MARKER} rapport`;
const marker: SpecCell = { value: REPORT_MARKER, fontSize: 8, fontColor: "A6A6A6" };

/** The 0-based row of the column headers, under the title and the marker. */
export const HEADER_ROW = 2;

/** A sheet of the report, by its marker: what is on it (its charts too) is made anew by every consolidation. */
export function isReportSheet(grid: Grid): boolean {
  return grid.left === 0 && [0, 1].some((row) => grid.values[row - grid.top]?.[0] === REPORT_MARKER);
}

/** The foot of every printed page of the report: the sheet's title and the page number. */
export function reportFooter(heading: string): PrintFooter {
  return { left: heading, center: "Sida {page} av {pages}" };
}

export interface ReportSheetOptions {
  /** A filter on the headers over this many rows under them (the table's rows, no sum or note): none when 0. */
  filterRows?: number;
}

export function reportSheet(
  name: string,
  heading: string,
  headers: string[],
  rows: SpecCell[][],
  widths: number[],
  options: ReportSheetOptions = {},
): SheetSpec {
  // An answer longer than a cell holds shows its beginning; consolidation said so where it was typed.
  const all = [[title(heading)], [marker], headers.map(header), ...rows.map(fitCells)];
  const filterRows = options.filterRows ?? 0;
  return {
    name,
    blocks: [{ top: 0, left: 0, rows: all.map((cells) => cells.map((cell) => ({ alignTop: true, ...cell }))) }],
    columnWidths: widths.map((width, col) => ({ col, width })),
    rowHeights: estimateRowHeights(all.slice(2), widths, 2),
    // The marker is for Måltavlan to read back, never on screen or paper.
    hiddenRows: [1],
    frozenRows: 3,
    print: reportPrint(widths, heading),
    ...(filterRows > 0
      ? { autoFilter: `${cellName(HEADER_ROW, 0)}:${cellName(HEADER_ROW + filterRows, headers.length - 1)}` }
      : {}),
  };
}

function reportPrint(widths: number[], heading: string): PrintSetup {
  const portrait = printScale(widths, "portrait", PRINT_MARGINS) >= 100;
  return {
    orientation: portrait ? "portrait" : "landscape",
    paper: "A4",
    titleRows: "1:3",
    fitToWidth: true,
    margins: PRINT_MARGINS,
    footer: reportFooter(heading),
  };
}
