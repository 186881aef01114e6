/**
 * ChartCollection: column and bar charts built series by series, the way the Excel host draws a ChartSpec.
 *   charts.add(type, sourceData, seriesBy) [1.1] (the source one column of figures: one series), chart.title.text,
 *   chart.axes.categoryAxis.reversePlotOrder (set) [1.7],
 *   chart.legend.visible, chart.setPosition(startCell, endCell) [1.1], chart.series.getItemAt(i) [1.1],
 *   chart.series.add(name) [1.7]; series.name (set), setValues(range), setXAxisValues(range) [1.7],
 *   series.format.fill.setSolidColor(color), series.points.getItemAt(i).format.fill.setSolidColor(color) [1.1].
 * Anything else fails: another chart type, a source of more than one column, a range of another workbook's sheet.
 */
import { areaAddress, parseArea } from "./addresses";
import { ClientObject } from "./clientObject";
import { Context } from "./context";
import { fail } from "./errors";
import { checkColor } from "./formats";
import { ChartModel, SeriesModel, SheetModel } from "./model";
import { RangeProxy } from "./range";
import { checkUnprotected } from "./worksheet";

const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
];

/** "Diagram!B4:B9": a range as Excel names it in a series' formula. */
function rangeOf(context: Context, range: RangeProxy): string {
  if (!(range instanceof RangeProxy) || range.context !== context)
    fail("InvalidArgument", "Not a range of this workbook.");
  const { sheet, area } = range.live();
  if (area.left !== area.right) fail("InvalidArgument", "stand-in: a series takes one column.");
  return `${sheet.name}!${areaAddress(area)}`;
}

export class ChartCollectionProxy extends ClientObject<SheetModel> {
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    const pathId = this.context.path("Add", this.pathId, [type, "<range>", seriesBy]);
    return new ChartProxy(this.context, pathId, () => {
      const sheet = this.live();
      checkUnprotected(sheet);
      if (!CHART_TYPES.includes(type)) fail("InvalidArgument", `stand-in: chart type ${type} is not modelled.`);
      const chart: ChartModel = { type, series: [{ name: "Series1", values: rangeOf(this.context, sourceData) }] };
      sheet.charts.push(chart);
      return chart;
    });
  }

  protected loadable() {
    return {};
  }
}

export class ChartProxy extends ClientObject<ChartModel> {
  get title(): ChartTitleProxy {
    return this.child("Title", (id) => new ChartTitleProxy(this.context, id, () => this.live()));
  }

  get legend(): ChartLegendProxy {
    return this.child("Legend", (id) => new ChartLegendProxy(this.context, id, () => this.live()));
  }

  get series(): SeriesCollectionProxy {
    return this.child("Series", (id) => new SeriesCollectionProxy(this.context, id, () => this.live()));
  }

  get axes(): { categoryAxis: CategoryAxisProxy } {
    const categoryAxis = this.child(
      "Axes.CategoryAxis",
      (id) => new CategoryAxisProxy(this.context, id, () => this.live()),
    );
    return { categoryAxis };
  }

  setPosition(startCell: string, endCell: string): void {
    this.context.action(this.pathId, "SetPosition", [startCell, endCell], () => {
      const [start, end] = [parseArea(startCell), parseArea(endCell)];
      if (end.bottom < start.top || end.right < start.left)
        fail("InvalidArgument", "The end cell is before the start.");
      this.live().position = areaAddress({ top: start.top, left: start.left, bottom: end.bottom, right: end.right });
    });
  }

  protected loadable() {
    return {};
  }
}

class ChartTitleProxy extends ClientObject<ChartModel> {
  set text(value: string) {
    this.assign("Text", value, (chart) => (chart.title = value));
  }

  protected loadable() {
    return {};
  }
}

class CategoryAxisProxy extends ClientObject<ChartModel> {
  set reversePlotOrder(value: boolean) {
    this.assign("ReversePlotOrder", value, (chart) => {
      this.context.requires(7, "ChartAxis.reversePlotOrder");
      chart.reversedCategories = value;
    });
  }

  protected loadable() {
    return {};
  }
}

class ChartLegendProxy extends ClientObject<ChartModel> {
  set visible(value: boolean) {
    this.assign("Visible", value, (chart) => (chart.legend = value));
  }

  protected loadable() {
    return {};
  }
}

class SeriesCollectionProxy extends ClientObject<ChartModel> {
  add(name: string): SeriesProxy {
    return new SeriesProxy(this.context, this.context.path("Add", this.pathId, [name]), () => {
      this.context.requires(7, "ChartSeriesCollection.add");
      const series: SeriesModel = { name };
      this.live().series.push(series);
      return series;
    });
  }

  getItemAt(index: number): SeriesProxy {
    return new SeriesProxy(this.context, this.context.path("GetItemAt", this.pathId, [index]), () => {
      return this.live().series[index] ?? fail("ItemNotFound", `No series ${index}.`);
    });
  }

  protected loadable() {
    return {};
  }
}

class SeriesProxy extends ClientObject<SeriesModel> {
  set name(value: string) {
    this.assign("Name", value, (series) => (series.name = value));
  }

  setValues(range: RangeProxy): void {
    this.context.action(this.pathId, "SetValues", ["<range>"], () => {
      this.context.requires(7, "ChartSeries.setValues");
      this.live().values = rangeOf(this.context, range);
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.context.action(this.pathId, "SetXAxisValues", ["<range>"], () => {
      this.context.requires(7, "ChartSeries.setXAxisValues");
      this.live().categories = rangeOf(this.context, range);
    });
  }

  get format(): { fill: FillProxy } {
    const fill = this.child("Format", (id) => new FillProxy(this.context, id, () => this.live(), null));
    return { fill };
  }

  get points(): { getItemAt(index: number): { format: { fill: FillProxy } } } {
    return {
      getItemAt: (index) => {
        const pathId = this.context.path("Points.GetItemAt", this.pathId, [index]);
        return { format: { fill: new FillProxy(this.context, pathId, () => this.live(), index) } };
      },
    };
  }

  protected loadable() {
    return {};
  }
}

/** The fill of a series, or of one of its points (`point`: its 0-based index). */
class FillProxy extends ClientObject<SeriesModel> {
  constructor(
    context: Context,
    pathId: number,
    resolve: () => SeriesModel,
    private readonly point: number | null,
  ) {
    super(context, pathId, resolve);
  }

  setSolidColor(color: string): void {
    this.context.action(this.pathId, "SetSolidColor", [color], () => {
      const checked = checkColor(color);
      const series = this.live();
      if (this.point === null) {
        series.color = checked;
        return;
      }
      const values =
        series.values === undefined ? null : parseArea(series.values.slice(series.values.indexOf("!") + 1));
      if (!values || this.point >= values.bottom - values.top + 1) fail("ItemNotFound", `No point ${this.point}.`);
      series.pointColors = { ...series.pointColors, [this.point]: checked };
    });
  }

  protected loadable() {
    return {};
  }
}
