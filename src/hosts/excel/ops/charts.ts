/**
 * A sheet's charts (SheetSpec.charts) as Office.js charts: each added from its first series' figures, then given
 * its categories, its other series one by one (ChartSeriesCollection.add, setValues, setXAxisValues: ExcelApi 1.7,
 * the add-in's minimum in manifest.xml), the scale's colours, its title and the cells it covers. Horizontal bars list
 * their categories from the top down (categoryAxis.reversePlotOrder, ExcelApi 1.7), as the chart part does.
 */
import type { ChartRange, ChartSpec } from "../../../sheet/charts";
import { cellName } from "../../../sheet/grid";
import { type SheetOpBuilder, cost, sheetOf } from "./op";

type ChartType =
  "ColumnStacked" | "ColumnStacked100" | "ColumnClustered" | "BarStacked" | "BarStacked100" | "BarClustered";
const CHART_TYPE: Record<"column" | "bar", Record<ChartSpec["grouping"], ChartType>> = {
  column: { stacked: "ColumnStacked", percentStacked: "ColumnStacked100", clustered: "ColumnClustered" },
  bar: { stacked: "BarStacked", percentStacked: "BarStacked100", clustered: "BarClustered" },
};

export const chartOps: SheetOpBuilder = (spec) =>
  (spec.charts ?? []).map((chart) => {
    const series = chart.series.length;
    const points = chart.series.reduce((n, s) => n + (s.negativeColor ? s.values.values.length : 0), 0);
    // The chart, its title, legend, position and axis order; per series its ranges, format and fill; per point its fill.
    return {
      bytes: cost(5 + series * 5 + points * 3, 5 + series * 4 + points),
      queue: (_, state) => addChart(sheetOf(state, spec.name), chart, (name) => sheetOf(state, name)),
    };
  });

/** `sheetNamed`: a sheet of this write, where the chart's figures are. */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec, sheetNamed: (name: string) => Excel.Worksheet): void {
  const range = (ref: ChartRange) => sheetNamed(ref.sheet).getRange(ref.range);
  const direction = spec.direction ?? "column";
  const chart = sheet.charts.add(CHART_TYPE[direction][spec.grouping], range(spec.series[0].values.ref), "Columns");
  chart.title.text = spec.title;
  if (direction === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
  chart.legend.visible = spec.series.length > 1;
  const { from, to } = spec.anchor;
  // The anchor's end is the corner after its last cell; setPosition takes that last cell.
  chart.setPosition(cellName(from.row, from.col), cellName(to.row - 1, to.col - 1));
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name.value);
    if (i === 0) series.name = s.name.value;
    else series.setValues(range(s.values.ref));
    series.setXAxisValues(range(spec.categories.ref));
    series.format.fill.setSolidColor(`#${s.color}`);
    if (s.negativeColor) {
      s.values.values.forEach((value, point) => {
        if (value !== null && value < 0)
          series.points.getItemAt(point).format.fill.setSolidColor(`#${s.negativeColor}`);
      });
    }
  });
}
