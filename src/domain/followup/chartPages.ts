import { ChartSpec } from "../../sheet/charts";
import { PRINT_MARGINS, PageFlow, pageHeight, printScale } from "../../sheet/print";
import { SheetSpec } from "../../sheet/spec";

/**
 * A report sheet with a table and charts below it, set up for A4: landscape at a fixed scale that takes in the table
 * and the charts, with page breaks where a table row or a row of charts would otherwise be split over two pages.
 */

/** Excel's default row height, and the three title rows' with the 14 pt heading, in points. */
export const ROW_HEIGHT = 15;
const TITLE_ROWS_HEIGHT = 70;
/** The first row under the title, the marker and the column headers (0-based). */
const FIRST_ROW = 3;

/**
 * `spec` (a reportSheet) with `charts` and its print setup. `widths` are every column's, under the charts too, so that
 * the scale fits the charts as well as the table. Charts that start on one row are a row of charts, kept together.
 */
export function withChartPages(spec: SheetSpec, widths: number[], charts: ChartSpec[]): SheetSpec {
  const scale = printScale(widths, "landscape", PRINT_MARGINS);
  const flow = new PageFlow(pageHeight("landscape", PRINT_MARGINS, scale) - TITLE_ROWS_HEIGHT);
  const heights = new Map((spec.rowHeights ?? []).map(({ row, height }) => [row, height]));
  const chartRows = [...new Set(charts.map((c) => c.anchor.from.row))].sort((a, b) => a - b);
  const tableEnd = (chartRows[0] ?? FIRST_ROW + 1) - 1;
  for (let row = FIRST_ROW; row < tableEnd; row++) {
    const height = heights.get(row) ?? ROW_HEIGHT;
    if (flow.left < height) flow.breakBefore(row);
    flow.add(height);
  }
  // Each row of charts with the empty row above it, where the page breaks: LibreOffice draws a chart's edge on the
  // row it starts at.
  for (const top of chartRows) {
    const bottom = Math.max(...charts.filter((c) => c.anchor.from.row === top).map((c) => c.anchor.to.row));
    const height = (bottom - top + 1) * ROW_HEIGHT;
    if (flow.left < height) flow.breakBefore(top - 1);
    flow.add(height);
  }
  return {
    ...spec,
    charts,
    // A fixed scale, as Excel ignores manual page breaks while it fits a sheet to its width.
    print: {
      ...spec.print,
      orientation: "landscape",
      paper: "A4",
      titleRows: "1:3",
      fitToWidth: false,
      scale,
      margins: PRINT_MARGINS,
      rowBreaks: flow.breaks,
    },
  };
}
