/**
 * The Excel host draws a sheet's charts through Office.js (on the stand-in): the same ChartSpecs the file writer puts
 * into chart parts, series by series in the scale's colours, an underskott in its own colour, at the cells the spec
 * anchors it to (ExcelApi 1.7, the add-in's minimum).
 */
import { writeSheets } from "../../src/hosts/excel/write";
import type { ChartSpec } from "../../src/sheet/charts";
import type { SheetSpec } from "../../src/sheet/spec";
import { createStandIn } from "../../src/hosts/standin";

const SHEET = "Diagram";
const status: ChartSpec = {
  title: "Mål per nämnd",
  grouping: "stacked",
  categories: { ref: { sheet: SHEET, range: "A4:A5" }, values: ["KS", "TN"] },
  series: [
    {
      name: { ref: { sheet: SHEET, range: "B3" }, value: "Uppfyllt" },
      values: { ref: { sheet: SHEET, range: "B4:B5" }, values: [2, 1] },
      color: "C6EFCE",
    },
    {
      name: { ref: { sheet: SHEET, range: "C3" }, value: "Ej uppfyllt" },
      values: { ref: { sheet: SHEET, range: "C4:C5" }, values: [0, 3] },
      color: "FFC7CE",
    },
  ],
  valueFormat: "0",
  anchor: { from: { row: 7, col: 0 }, to: { row: 23, col: 6 } },
};
const deviation: ChartSpec = {
  title: "Avvikelse per nämnd (tkr)",
  grouping: "clustered",
  categories: status.categories,
  series: [
    {
      name: { ref: { sheet: SHEET, range: "D3" }, value: "Avvikelse (tkr)" },
      values: { ref: { sheet: SHEET, range: "D4:D5" }, values: [5, -12] },
      color: "70AD47",
      negativeColor: "E06666",
    },
  ],
  valueFormat: "0",
  anchor: { from: { row: 7, col: 6 }, to: { row: 23, col: 12 } },
};
const spec: SheetSpec = {
  name: SHEET,
  blocks: [
    {
      top: 2,
      left: 0,
      rows: [
        [{ value: "Nämnd" }, { value: "Uppfyllt" }, { value: "Ej uppfyllt" }, { value: "Avvikelse (tkr)" }],
        [{ value: "KS" }, { value: 2 }, { value: 0 }, { value: 5 }],
        [{ value: "TN" }, { value: 1 }, { value: 3 }, { value: -12 }],
      ],
    },
  ],
  charts: [status, deviation],
};

test("each chart is drawn from its cells, series by series in its colours, where the spec puts it", async () => {
  const excel = createStandIn();
  const written = await excel.run((context) =>
    writeSheets(context, [spec], { replace: [], existing: [{ name: "Blad1" }], supports: excel.supports }),
  );
  expect(written.warnings).toEqual([]);
  expect(excel.workbook.sheet(SHEET).charts).toEqual([
    {
      type: "ColumnStacked",
      title: "Mål per nämnd",
      legend: true,
      position: "A8:F23",
      series: [
        { name: "Uppfyllt", values: "Diagram!B4:B5", categories: "Diagram!A4:A5", color: "#C6EFCE" },
        { name: "Ej uppfyllt", values: "Diagram!C4:C5", categories: "Diagram!A4:A5", color: "#FFC7CE" },
      ],
    },
    {
      type: "ColumnClustered",
      title: "Avvikelse per nämnd (tkr)",
      legend: false,
      position: "G8:L23",
      series: [
        {
          name: "Avvikelse (tkr)",
          values: "Diagram!D4:D5",
          categories: "Diagram!A4:A5",
          color: "#70AD47",
          pointColors: { 1: "#E06666" },
        },
      ],
    },
  ]);
});

test("the stand-in is strict: a series of two columns fails at sync", async () => {
  const excel = createStandIn();
  const wide: SheetSpec = {
    ...spec,
    charts: [
      {
        ...status,
        series: [
          { ...status.series[0], values: { ...status.series[0].values, ref: { sheet: SHEET, range: "B4:C5" } } },
        ],
      },
    ],
  };
  await expect(
    excel.run((context) =>
      writeSheets(context, [wide], { replace: [], existing: [{ name: "Blad1" }], supports: excel.supports }),
    ),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});
