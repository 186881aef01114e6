/**
 * A ChartSpec as a DrawingML chart part (ECMA-376 part 1, §21.2: `c:chartSpace`): one bar chart with its series'
 * references to the sheet's cells and the cells' values cached beside them, so that Excel recalculates from the cells
 * and a viewer that does not (a preview, LibreOffice with cached results) still draws the same bars. Elements are
 * written in the order the schema's sequences require: Excel refuses a chart part whose children are out of order.
 */
import type { ChartRange, ChartSeries, ChartSpec } from "../../../sheet/charts";
import { escapeXml } from "../xmlBytes";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CATEGORY_AXIS = 500_001;
const VALUE_AXIS = 500_002;
const AXIS_LINE = "A6A6A6";
const GRIDLINE = "D9D9D9";

/** `'Per mål'!$B$4:$B$9`: the sheet always quoted (an apostrophe doubled), the range absolute. */
export function rangeFormula({ sheet, range }: ChartRange): string {
  const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${absolute}`;
}

export function chartXml(spec: ChartSpec): string {
  const stacked = spec.grouping !== "clustered";
  const bar = spec.direction === "bar";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/>` +
    `<c:grouping val="${spec.grouping === "clustered" ? "clustered" : spec.grouping}"/><c:varyColors val="0"/>` +
    spec.series.map((series, i) => seriesXml(series, i, spec)).join("") +
    `<c:gapWidth val="${stacked ? 60 : 100}"/>` +
    // Stacked bars must overlap fully, or each series is drawn shifted beside the one below it.
    (stacked ? `<c:overlap val="100"/>` : "") +
    `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
    categoryAxis(bar) +
    valueAxis(spec, bar) +
    `</c:plotArea>` +
    // One series is named by the title; its legend would show one colour where the bars may have two.
    (spec.series.length > 1 ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/>${text(900)}</c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln>${solid(AXIS_LINE)}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function title(value: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="1200" b="1"/><a:t>${escapeXml(value)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function seriesXml(series: ChartSeries, index: number, spec: ChartSpec): string {
  const negatives = series.negativeColor
    ? series.values.values.flatMap((value, point) =>
        value !== null && value < 0
          ? [
              `<c:dPt><c:idx val="${point}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
                `<c:spPr>${fill(series.negativeColor!)}</c:spPr></c:dPt>`,
            ]
          : [],
      )
    : [];
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx>${stringReference(series.name.ref, [series.name.value])}</c:tx>` +
    `<c:spPr>${fill(series.color)}</c:spPr><c:invertIfNegative val="0"/>` +
    negatives.join("") +
    `<c:cat>${stringReference(spec.categories.ref, spec.categories.values)}</c:cat>` +
    `<c:val>${numberReference(series.values.ref, series.values.values, spec.valueFormat)}</c:val>` +
    `</c:ser>`
  );
}

/** A bar's fill, with a thin darker edge so that a pale scale colour still stands out on white. */
function fill(color: string): string {
  return `${solid(color)}<a:ln w="6350">${solid(AXIS_LINE)}</a:ln>`;
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function stringReference(ref: ChartRange, values: string[]): string {
  const points = values.map((value, i) => `<c:pt idx="${i}"><c:v>${escapeXml(value)}</c:v></c:pt>`);
  return (
    `<c:strRef><c:f>${escapeXml(rangeFormula(ref))}</c:f>` +
    `<c:strCache><c:ptCount val="${values.length}"/>${points.join("")}</c:strCache></c:strRef>`
  );
}

/** An empty cell has no point in the cache: the chart leaves a gap there (dispBlanksAs). */
function numberReference(ref: ChartRange, values: (number | null)[], format: string): string {
  const points = values.flatMap((value, i) => (value === null ? [] : [`<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`]));
  return (
    `<c:numRef><c:f>${escapeXml(rangeFormula(ref))}</c:f>` +
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    `${points.join("")}</c:numCache></c:numRef>`
  );
}

/** Axis and legend text size, in hundredths of a point: 9 pt prints legibly on A4. */
function text(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>`;
}

/** Bars (`bar`) list their categories from the top down: the axis on the left, in reverse of its default order. */
function categoryAxis(bar: boolean): string {
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:spPr><a:ln w="9525">${solid(AXIS_LINE)}</a:ln></c:spPr>${text(900)}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** Beside columns on the left; above bars, where it crosses their reversed categories at the first. */
function valueAxis(spec: ChartSpec, bar: boolean): string {
  return (
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? "t" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${solid(GRIDLINE)}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(spec.grouping === "percentStacked" ? "0%" : spec.valueFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${text(900)}` +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}
