/**
 * A column chart on a sheet, as plain data like the rest of SheetSpec: bars over ranges of the workbook's cells, with the
 * values those cells hold, so that a host can write the figures with the chart (viewers that never recalculate still
 * draw it) and a test can read them without a host.
 */

/** A range on a sheet, e.g. { sheet: "Diagram", range: "B4:B9" }; one row or one column. */
export interface ChartRange {
  sheet: string;
  /** A1 reference without "$" or sheet name. */
  range: string;
}

export interface ChartSeries {
  /** The cell that names the series (its column header) and the name it holds. */
  name: { ref: ChartRange; value: string };
  /** The series' figures and the values its cells hold; null for an empty cell (drawn as a gap). */
  values: { ref: ChartRange; values: (number | null)[] };
  /** Fill as "RRGGBB". */
  color: string;
  /** Fill for the bars below zero, "RRGGBB"; absent: `color`. */
  negativeColor?: string;
}

/** Where the chart stands: from the top-left corner of one cell to the top-left corner of another (0-based). */
export interface ChartAnchor {
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface ChartSpec {
  title: string;
  /** Columns per category: stacked on top of each other (in shares of 100 % when percentStacked), or side by side. */
  grouping: "stacked" | "percentStacked" | "clustered";
  /**
   * "bar": horizontal bars, the first category at the top, so that long names read beside their bars (the value axis
   * then stands above the bars, where Excel puts it when the categories run from the top); absent: columns.
   */
  direction?: "column" | "bar";
  /** The categories (one per bar) and the labels their cells hold. */
  categories: { ref: ChartRange; values: string[] };
  series: ChartSeries[];
  /** The number format of the value axis, e.g. "0" or `#,##0`. */
  valueFormat: string;
  anchor: ChartAnchor;
}
